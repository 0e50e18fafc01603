import { browser } from '#imports';
import { bundledEventFiles } from '../../data/events';
import { CATALOGUES_REVISION_KEY, type Request, type Response, SUBSCRIPTIONS_KEY } from '../../utils/messaging';
import { createSubscriptionService, type SubscriptionArea, type SubscriptionService } from '../../utils/service';
import type { CatalogueStore, FavouritesStore } from '../../utils/storage';
import type { Subscription } from '../../utils/subscriptions';

type SubscriptionRequest = Extract<Request, { type: `subscriptions/${string}` }>;

/** The daily refresh's alarm: made only while there are subscriptions, and made again at each start. */
const ALARM = 'talkmark-subscriptions';
const DAY_MINUTES = 24 * 60;

/**
 * Schedules subscribed to by address, in the browser: the permissions API for their sites, `storage.local` for
 * the subscriptions, and an alarm for the daily refresh (browsers may drop alarms, so it is made again at start).
 */
export function startSubscriptions(catalogues: CatalogueStore, favourites: FavouritesStore): SubscriptionService {
  const area: SubscriptionArea = {
    read: async () => {
      const stored = (await browser.storage.local.get(SUBSCRIPTIONS_KEY))[SUBSCRIPTIONS_KEY];
      return Array.isArray(stored) ? (stored as Subscription[]) : [];
    },
    write: async (all) => {
      await browser.storage.local.set({ [SUBSCRIPTIONS_KEY]: all });
      await keepAlarm(all);
    },
  };
  const service = createSubscriptionService({
    area,
    store: catalogues,
    permissions: {
      contains: (site) => browser.permissions.contains({ origins: [site] }),
      remove: async (site) => {
        await browser.permissions.remove({ origins: [site] });
      },
    },
    bundled: bundledEventFiles,
    starred: async () => new Set((await favourites.list()).map((favourite) => favourite.talkId)),
    // Every view (and this worker's own catalogue) reads the catalogues again, as after an import on the page.
    catalogueChanged: () => browser.storage.local.set({ [CATALOGUES_REVISION_KEY]: crypto.randomUUID() }),
    online: () => navigator.onLine,
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM)
      void service.refreshAll().catch((error: unknown) => console.warn('Talkmark: the daily refresh failed', error));
  });
  // The person may withdraw (or give back) a site in the browser's own settings.
  const sitesChanged = () =>
    void service.sitesChanged().catch((error: unknown) => console.warn('Talkmark: permissions unread', error));
  browser.permissions.onRemoved.addListener(sitesChanged);
  browser.permissions.onAdded.addListener(sitesChanged);
  void area
    .read()
    .then(keepAlarm)
    .catch((error: unknown) => console.warn('Talkmark: the refresh alarm could not be set', error));
  return service;
}

/**
 * The alarm while there are subscriptions, and none without. Made again, it goes off a day after the oldest check
 * (at once if that is past): a browser that drops alarms at each restart still refreshes daily.
 */
async function keepAlarm(all: readonly Subscription[]): Promise<void> {
  const existing = await browser.alarms.get(ALARM);
  if (all.length === 0) {
    if (existing) await browser.alarms.clear(ALARM);
    return;
  }
  if (existing) return;
  const oldest = Math.min(...all.map((each) => each.checkedAt ?? 0));
  const sinceMinutes = (Date.now() - oldest) / 60_000;
  await browser.alarms.create(ALARM, {
    delayInMinutes: Math.max(1, DAY_MINUTES - sinceMinutes),
    periodInMinutes: DAY_MINUTES,
  });
}

/** The options page's subscription requests. */
export async function answerSubscriptions(
  service: SubscriptionService,
  request: SubscriptionRequest,
): Promise<Response<SubscriptionRequest['type']>> {
  switch (request.type) {
    case 'subscriptions/add':
    case 'subscriptions/adopt': {
      const outcome =
        request.type === 'subscriptions/add'
          ? await service.subscribe(request.url)
          : await service.adoptOther(request.catalogueId);
      if (!outcome.ok) return outcome;
      const { catalogueId, name, talkCount, replaced } = outcome;
      return { ok: true, value: { catalogueId, name, talkCount, replaced } };
    }
    case 'subscriptions/refresh':
      return { ok: true, value: (await service.refresh(request.catalogueId)) ?? null };
    case 'subscriptions/remove':
      await service.unsubscribe(request.catalogueId);
      return { ok: true, value: true };
  }
}
