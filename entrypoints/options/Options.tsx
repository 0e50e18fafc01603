import { useEffect, useState } from 'preact/hooks';
import { FavouritesTools, useFavourites } from '../../components';
import { messageOf, plural, t } from '../../utils/i18n';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChange, type Settings, saveSettings } from '../../utils/settings';
import { Catalogues } from './Catalogues';
import { Sync } from './Sync';
import { WatchHistory } from './WatchHistory';

/** The options page: the YouTube panel switch, sync, the catalogues, and favourites export and import. */
export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [error, setError] = useState<string>();
  const favourites = useFavourites();

  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChange(setSettings);
  }, []);

  // Sent here from the popup to import favourites: start the keyboard there.
  useEffect(() => {
    if (location.hash === '#favourites') document.getElementById('favourites')?.focus();
  }, []);

  const change = async (patch: Partial<Settings>) => {
    try {
      setSettings(await saveSettings(patch));
      setError(undefined);
    } catch (caught) {
      setError(t('options_save_failed', messageOf(caught)));
    }
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <section>
        <h2>{t('options_youtube')}</h2>
        <label class="switch">
          <input
            type="checkbox"
            checked={settings.youtubePanel}
            onChange={(event) => void change({ youtubePanel: event.currentTarget.checked })}
          />
          {t('options_panel_switch')}
        </label>
        <p class="hint">{t('options_panel_hint')}</p>
        {error ? (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
      <section>
        <h2>{t('options_sync')}</h2>
        <Sync enabled={settings.syncMarks} onChange={(syncMarks) => void change({ syncMarks })} />
      </section>
      <section>
        <h2>{t('options_catalogues')}</h2>
        <Catalogues />
      </section>
      <section>
        <h2>{t('options_watch_history')}</h2>
        <WatchHistory />
      </section>
      {/* The popup sends people here to import favourites (options.html#favourites). */}
      <section id="favourites" tabIndex={-1}>
        <h2>{t('options_favourites')}</h2>
        <p class="section-status">{plural('status_favourites', favourites.favourites.length)}</p>
        <FavouritesTools state={favourites} />
      </section>
    </main>
  );
}
