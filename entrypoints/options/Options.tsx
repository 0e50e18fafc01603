import { useEffect, useState } from 'preact/hooks';
import { FavouritesTools } from '../../components/FavouritesTools';
import { useFavourites } from '../../components/useFavourites';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChange, type Settings, saveSettings } from '../../utils/settings';

/** The options page: the YouTube panel switch, and favourites export and import (also in the popup). */
export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [error, setError] = useState<string>();
  const favourites = useFavourites();

  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChange(setSettings);
  }, []);

  const change = async (patch: Partial<Settings>) => {
    try {
      setSettings(await saveSettings(patch));
      setError(undefined);
    } catch (caught) {
      setError(`The setting could not be saved (${caught instanceof Error ? caught.message : String(caught)}).`);
    }
  };

  return (
    <main class="options">
      <h1>Talkmark options</h1>
      <section>
        <h2>On YouTube</h2>
        <label class="switch">
          <input
            type="checkbox"
            checked={settings.youtubePanel}
            onChange={(event) => void change({ youtubePanel: event.currentTarget.checked })}
          />
          Show the Talkmark panel beside videos about the catalogue’s talks
        </label>
        <p class="hint">
          Turning it off removes the panel from open YouTube tabs at once; search and favourites keep working.
        </p>
        {error ? (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
      <section>
        <h2>Favourites ({favourites.favourites.length})</h2>
        <FavouritesTools state={favourites} />
      </section>
    </main>
  );
}
