import { useState } from 'preact/hooks';
import { formatMegabytes, messageOf, plural, t } from '../utils/i18n';
import { createFavouritesFile, favouritesFileName, MAX_FAVOURITES_FILE_BYTES } from '../utils/import';
import type { WatchState } from '../utils/marks';
import { askBackground, favouritesClient } from '../utils/messaging';
import { downloadJson } from './download';
import { FilePicker } from './FilePicker';
import { Notice, type NoticeContent } from './Notice';
import type { FavouritesState } from './useFavourites';

/**
 * Play all, export and import, and what went wrong with the favourites, above the favourites list.
 * `importElsewhere` replaces the file picker by a way to where it works: a toolbar popup closes when a file
 * picker opens (always in Firefox, on some systems in Chrome), so the file would never arrive.
 */
export function FavouritesTools({
  state,
  importElsewhere,
  watched,
}: {
  state: FavouritesState;
  importElsewhere?: () => void;
  /** Talks watched to the end: Play all can leave them out. */
  watched?: ReadonlySet<string>;
}) {
  const [notice, setNotice] = useState<NoticeContent>();
  const [skipWatched, setSkipWatched] = useState(false);
  const videoIds = state.favourites
    .filter((favourite) => !(skipWatched && watched?.has(favourite.talkId)))
    .flatMap((favourite) => favourite.videoId ?? []);
  const anyWatched = state.favourites.some((favourite) => watched?.has(favourite.talkId));

  const exportFavourites = async () => {
    const titles = new Map(state.favourites.map((favourite) => [favourite.talkId, favourite.title]));
    // How far each talk was watched goes with the stars. Unreadable, the stars are still exported, and it says so.
    let progress: Array<{ talkId: string; state: WatchState; at: number }> | undefined;
    try {
      const states = await askBackground({ type: 'progress/list' });
      progress = Object.entries(states).map(([talkId, { at, ...watchState }]) => ({ talkId, state: watchState, at }));
    } catch (error) {
      console.warn('Talkmark: watch progress could not be read for the export', error);
    }
    const file = createFavouritesFile(state.favourites, (id) => titles.get(id), new Date(), progress);
    const fileName = favouritesFileName();
    downloadJson(file, fileName);
    const exported = plural('exported', file.favourites.length, fileName);
    const watched = progress
      ? progress.length
        ? ` ${plural('exported_progress', progress.length)}`
        : ''
      : ` ${t('exported_without_progress')}`;
    setNotice({ kind: 'success', text: `${exported}${watched}` });
  };

  const importFile = async (file: File) => {
    // Refuse a huge file before reading it into memory.
    if (file.size > MAX_FAVOURITES_FILE_BYTES) {
      setNotice({
        kind: 'error',
        text: t('nothing_imported', t('file_too_big_named', file.name, formatMegabytes(file.size))),
      });
      return;
    }
    try {
      const report = await favouritesClient.importFile(await file.text());
      const imported = plural('imported', report.added);
      const already = report.alreadyStarred ? ` ${plural('already_starred', report.alreadyStarred)}` : '';
      const described = report.described ? ` ${plural('imported_described', report.described)}` : '';
      const progress = report.progress ? ` ${plural('imported_progress', report.progress)}` : '';
      setNotice({ kind: 'success', text: `${imported}${already}${described}${progress}` });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: t('nothing_imported', messageOf(error)),
      });
    }
  };

  return (
    <div class="favourites-tools">
      <div class="tool-row">
        <a
          class={`button primary${videoIds.length ? '' : ' is-disabled'}`}
          href={videoIds.length ? `https://www.youtube.com/watch_videos?video_ids=${videoIds.join(',')}` : undefined}
          aria-disabled={videoIds.length ? undefined : 'true'}
          target="_blank"
          rel="noreferrer"
        >
          {plural('play_all', videoIds.length)}
        </a>
        <button
          type="button"
          class="button"
          // Never disabled: with no stars, the backup still holds how far each talk was watched.
          onClick={() => void exportFavourites()}
        >
          {t('export')}
        </button>
        {importElsewhere ? (
          <button type="button" class="button" onClick={importElsewhere} title={t('import_elsewhere_hint')}>
            {t('import')}
          </button>
        ) : (
          <FilePicker
            label={t('import')}
            inputLabel={t('import_file_label')}
            accept="application/json,.json"
            disabled={state.loading}
            onFile={(file) => void importFile(file)}
          />
        )}
      </div>
      {anyWatched ? (
        <label class="check">
          <input
            type="checkbox"
            checked={skipWatched}
            onChange={(event) => setSkipWatched(event.currentTarget.checked)}
          />
          {t('play_all_skip_watched')}
        </label>
      ) : null}
      {state.error ? (
        <p class="notice notice-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <Notice notice={notice} />
    </div>
  );
}
