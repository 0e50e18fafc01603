import { browser } from '#imports';
import { SYNC_PREFIX } from '../../utils/marks';
import { SYNC_STATUS_KEY } from '../../utils/messaging';
import { createSyncEngine, type SyncEngine } from '../../utils/service';
import { loadSettings, onSettingsChange } from '../../utils/settings';
import type { FavouritesStore } from '../../utils/storage';

const START_DELAY_MS = 3_000;

/**
 * The sync engine over the browser's own sync storage (Chrome Sync, Firefox Sync): merged at start, on every
 * change the browser delivers, and after each local change. Its state goes to storage.local for the options page.
 */
export function startSync(store: FavouritesStore): SyncEngine {
  const engine = createSyncEngine({
    area: browser.storage.sync,
    store,
    // What sync storage holds besides the marks (the settings), as the browser counts it: key and JSON.
    async otherBytes() {
      const all = await browser.storage.sync.get(null);
      const encoder = new TextEncoder();
      return Object.entries(all)
        .filter(([key]) => !key.startsWith(SYNC_PREFIX))
        .reduce(
          (sum, [key, value]) => sum + encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length,
          0,
        );
    },
    onStatus(status) {
      browser.storage.local.set({ [SYNC_STATUS_KEY]: status }).catch((error: unknown) => {
        console.warn('Talkmark: the sync state could not be kept for the options page', error);
      });
    },
    enabled: false,
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') engine.areaChanged(Object.keys(changes));
  });
  onSettingsChange((settings) => void engine.setEnabled(settings.syncMarks));
  // A worker is mostly woken for one request (a panel, a popup's first page): the merge waits until it is
  // answered rather than compete with it. A worker stopped before then merges at its next start.
  setTimeout(() => void loadSettings().then((settings) => engine.setEnabled(settings.syncMarks)), START_DELAY_MS);
  return engine;
}
