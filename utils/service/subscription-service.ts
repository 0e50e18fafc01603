import type { EventFile } from '../../data';
import type { Message } from '../i18n';
import { clashWith, decodeSchedule, parseScheduleFile, storedSearchFor } from '../import';
import type { CatalogueStore } from '../storage';
import {
  anyChanges,
  changesBetween,
  fetchSchedule,
  type Subscription,
  siteOf,
  subscriptionAddress,
} from '../subscriptions';

/** Where subscriptions are kept (`storage.local` in the extension; in tests, memory). */
export interface SubscriptionArea {
  read(): Promise<Subscription[]>;
  write(all: Subscription[]): Promise<void>;
}

/** The browser's permissions for sites (`browser.permissions`). */
export interface SitePermissions {
  contains(site: string): Promise<boolean>;
  remove(site: string): Promise<void>;
}

export interface SubscriptionServiceOptions {
  area: SubscriptionArea;
  store: CatalogueStore;
  permissions: SitePermissions;
  /** The bundled conferences: an address serving one of them is refused, as a file would be. */
  bundled: readonly EventFile[];
  /** The starred talks' ids: a refresh names the starred talks it changed. */
  starred(): Promise<ReadonlySet<string>>;
  /** After a catalogue was stored: every view reads it again. */
  catalogueChanged(): Promise<void>;
  online(): boolean;
  now?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

export type SubscribeOutcome =
  | { ok: true; catalogueId: string; name: string; talkCount: number; replaced: boolean }
  | { ok: false; error: Message };

/**
 * Catalogues kept fresh from their address. Nothing is asked of any server unless the person subscribed to it,
 * and then only that address (and a site it redirects to, if the person gave that site too), without cookies.
 * A failed refresh says why on the catalogue's row and leaves the catalogue as it was.
 */
export function createSubscriptionService(options: SubscriptionServiceOptions) {
  const { area, store, permissions } = options;
  const now = options.now ?? Date.now;
  let queue: Promise<unknown> = Promise.resolve();
  /** One change to the subscriptions at a time: each reads what the one before wrote. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };
  const update = async (catalogueId: string, change: (subscription: Subscription) => Subscription | undefined) => {
    const all = await area.read();
    const next = all.flatMap((each) => (each.catalogueId === catalogueId ? (change(each) ?? []) : [each]));
    await area.write(next);
    return next.find((each) => each.catalogueId === catalogueId);
  };
  const fetchOptions = {
    allowed: async (address: string) => permissions.contains(siteOf(address)),
    online: options.online,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  };

  /** A schedule's bytes as a catalogue, through the same importer as a file (all or nothing). */
  const readSchedule = async (bytes: Uint8Array, url: string) => {
    const name = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '') || new URL(url).host;
    const parsed = parseScheduleFile(decodeSchedule(bytes), name);
    if (!parsed.ok) return parsed;
    const imported = parsed.catalogue.format === 'talkmark-json' ? await store.files() : [];
    const clash = clashWith(parsed.catalogue, options.bundled, imported);
    return clash ? { ok: false as const, error: clash } : { ...parsed, fileName: name };
  };

  const subscribe = async (typed: string): Promise<SubscribeOutcome> => {
    const address = subscriptionAddress(typed);
    if (!address.ok) return address;
    if (!(await permissions.contains(address.site)))
      return { ok: false, error: ['subscribe_not_allowed', address.site] };
    const fetched = await fetchSchedule(address.url, {}, fetchOptions);
    if (fetched.kind === 'failed') return { ok: false, error: fetched.error };
    if (fetched.kind === 'unchanged')
      return { ok: false, error: ['subscription_status', new URL(address.url).host, '304'] };
    const read = await readSchedule(fetched.bytes, address.url);
    if (!read.ok) return read;
    const { catalogue } = read;
    const { replaced } = await store.save(catalogue, read.fileName, storedSearchFor(catalogue.file).search, now());
    const all = (await area.read()).filter((each) => each.catalogueId !== catalogue.id);
    all.push({
      catalogueId: catalogue.id,
      url: address.url,
      site: address.site,
      ...fetched.validators,
      checkedAt: now(),
    });
    await area.write(all);
    await options.catalogueChanged();
    return {
      ok: true,
      catalogueId: catalogue.id,
      name: catalogue.file.event.name,
      talkCount: catalogue.file.talks.length,
      replaced,
    };
  };

  const refresh = async (catalogueId: string): Promise<Subscription | undefined> => {
    const subscription = (await area.read()).find((each) => each.catalogueId === catalogueId);
    if (!subscription) return undefined;
    // Withdrawn in the browser: paused, and nothing is asked.
    if (!(await permissions.contains(subscription.site)))
      return update(catalogueId, (each) => ({ ...each, paused: true }));
    const known = {
      ...(subscription.etag ? { etag: subscription.etag } : {}),
      ...(subscription.lastModified ? { lastModified: subscription.lastModified } : {}),
    };
    const fetched = await fetchSchedule(subscription.url, known, fetchOptions);
    const checked = (each: Subscription): Subscription => {
      const { problem: _problem, otherConference: _other, paused: _paused, ...rest } = each;
      return { ...rest, checkedAt: now() };
    };
    if (fetched.kind === 'unchanged') return update(catalogueId, checked);
    if (fetched.kind === 'failed') return update(catalogueId, (each) => ({ ...checked(each), problem: fetched.error }));
    const read = await readSchedule(fetched.bytes, subscription.url);
    if (!read.ok) return update(catalogueId, (each) => ({ ...checked(each), problem: read.error }));
    const { catalogue } = read;
    if (catalogue.id !== catalogueId) {
      const name = catalogue.file.event.name;
      return update(catalogueId, (each) => ({
        ...checked(each),
        problem: ['subscription_other_conference', name],
        otherConference: { id: catalogue.id, name },
      }));
    }
    const before = await store.file(catalogueId);
    const changes = changesBetween(before, catalogue.file, await options.starred());
    await store.save(catalogue, read.fileName, storedSearchFor(catalogue.file).search, now());
    await options.catalogueChanged();
    return update(catalogueId, (each) => ({
      ...checked(each),
      ...fetched.validators,
      ...(anyChanges(changes) ? { changes, changedAt: now() } : {}),
    }));
  };

  /** Stops keeping a catalogue fresh (the catalogue stays); its site's permission goes unless another uses it. */
  const unsubscribe = async (catalogueId: string, release = true) => {
    const all = await area.read();
    const gone = all.find((each) => each.catalogueId === catalogueId);
    const left = all.filter((each) => each.catalogueId !== catalogueId);
    await area.write(left);
    if (gone && release && !left.some((each) => each.site === gone.site)) await permissions.remove(gone.site);
  };

  return {
    list: () => area.read(),
    subscribe: (typed: string) => serially(() => subscribe(typed)),
    refresh: (catalogueId: string) => serially(() => refresh(catalogueId)),
    /** The daily refresh: each subscription in turn. With none, nothing is asked of anyone. */
    refreshAll: () =>
      serially(async () => {
        await forgetRemovedCatalogues();
        for (const { catalogueId } of await area.read()) await refresh(catalogueId);
      }),
    unsubscribe: (catalogueId: string) => serially(() => unsubscribe(catalogueId)),
    /** The address serves another conference now: keep the old catalogue as it is, and subscribe to the new one. */
    adoptOther: (catalogueId: string) =>
      serially(async (): Promise<SubscribeOutcome> => {
        const subscription = (await area.read()).find((each) => each.catalogueId === catalogueId);
        if (!subscription) return { ok: false, error: ['subscription_gone'] };
        await unsubscribe(catalogueId, false);
        return subscribe(subscription.url);
      }),
    /** Permissions changed in the browser: a subscription pauses without its site, and resumes with it. */
    sitesChanged: () =>
      serially(async () => {
        const all = await area.read();
        const next = await Promise.all(
          all.map(async (each) => {
            const allowed = await permissions.contains(each.site);
            const { paused: _paused, ...rest } = each;
            return allowed ? rest : { ...rest, paused: true };
          }),
        );
        if (JSON.stringify(next) !== JSON.stringify(all)) await area.write(next);
      }),
    forgetRemovedCatalogues: () => serially(forgetRemovedCatalogues),
  };

  /** A subscribed catalogue removed on the options page takes its subscription (and permission) with it. */
  async function forgetRemovedCatalogues() {
    const present = new Set((await store.list()).map((record) => record.id));
    for (const { catalogueId } of await area.read()) if (!present.has(catalogueId)) await unsubscribe(catalogueId);
  }
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
