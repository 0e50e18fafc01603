import { useRef, useState } from 'preact/hooks';
import { catalogue } from '../data/catalogue';
import { favouritesClient } from '../utils/favourites-client';
import { createFavouritesFile, favouritesFileName, MAX_FAVOURITES_FILE_BYTES } from '../utils/favourites-file';
import type { FavouritesState } from './useFavourites';

type Notice = { kind: 'error' | 'success'; text: string } | undefined;

/** Play all, export and import, and what went wrong with the favourites, above the favourites list. */
export function FavouritesTools({ state }: { state: FavouritesState }) {
  const [notice, setNotice] = useState<Notice>();
  const fileInput = useRef<HTMLInputElement>(null);
  const videoIds = state.favourites.flatMap((f) => catalogue.talksById.get(f.talkId)?.videoId ?? []);

  const exportFavourites = () => {
    const file = createFavouritesFile(state.favourites, (id) => catalogue.talksById.get(id)?.title);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: favouritesFileName() });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice({ kind: 'success', text: `Exported ${file.favourites.length} favourites to ${link.download}.` });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Refuse a huge file before reading it into memory.
    if (file.size > MAX_FAVOURITES_FILE_BYTES) {
      setNotice({
        kind: 'error',
        text: `“${file.name}” is ${(file.size / 1_000_000).toFixed(1)} MB, far too big for a favourites export. Nothing was imported.`,
      });
      return;
    }
    try {
      const report = await favouritesClient.importFile(await file.text(), file.size);
      const already = report.alreadyStarred ? ` ${report.alreadyStarred} already starred.` : '';
      setNotice({
        kind: 'success',
        text: `Imported ${report.added} favourite${report.added === 1 ? '' : 's'}.${already}`,
      });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: `${error instanceof Error ? error.message : String(error)} Nothing was imported.`,
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
          ▶ Play all ({videoIds.length})
        </a>
        <button type="button" class="button" onClick={exportFavourites} disabled={state.favourites.length === 0}>
          Export
        </button>
        <button
          type="button"
          class="button"
          onClick={() => fileInput.current?.click()}
          disabled={!!state.error && state.loading}
        >
          Import…
        </button>
        <input
          ref={fileInput}
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          tabIndex={-1}
          aria-label="Favourites file to import"
          onChange={(event) => {
            void importFile(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
      </div>
      {state.error ? (
        <p class="notice notice-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {notice ? (
        <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
