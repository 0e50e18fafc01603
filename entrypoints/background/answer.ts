import { type Catalogue, filterChoices, talkSnapshot } from '../../data';
import { type Mark, STAR } from '../../utils/marks';
import type { Request } from '../../utils/messaging';
import { type PanelContent, panelFor } from '../../utils/panel';
import { findTalks } from '../../utils/search';
import type { SessionArea, SubscriptionService, SyncEngine } from '../../utils/service';
import { answerRequest, createServedTalks, describeStorageError, type LiveCatalogue } from '../../utils/service';
import type { FavouritesStore } from '../../utils/storage';
import { announceFavouritesChange, withTalkDetails, writeMarks, writeOrder } from './favourites';
import { createProgress } from './progress';
import { answerSubscriptions } from './subscriptions';

/** Who asks: one of the extension's pages, or the content script of a tab. */
export type Asker = { kind: 'extension-page' } | { kind: 'content-script'; tabId: number | undefined };

/** The background's answer to every request a view may make, by family: panel, talks, favourites. */
export function createAnswer(
  store: FavouritesStore,
  live: LiveCatalogue,
  session: SessionArea,
  sync: SyncEngine,
  subscriptions: SubscriptionService,
) {
  // The talks whose panel each tab was given: a content script may read or set those stars only.
  const served = createServedTalks(session);
  const progress = createProgress(store, sync);
  const mayTouchStar = async (asker: Asker, talkId: string) =>
    asker.kind === 'extension-page' || (asker.tabId !== undefined && (await served.wasServed(asker.tabId, talkId)));

  /**
   * A talk's panel with its star, so that showing it waits for one message, not two; without, if unreadable. The
   * tab asking may then read and set that star.
   */
  const withStar = async (panel: PanelContent, asker: Asker): Promise<PanelContent> => {
    if (panel.kind !== 'talk') return panel;
    if (asker.kind === 'content-script' && asker.tabId !== undefined) await served.serve(asker.tabId, panel.talk.id);
    const [starred, watch] = await Promise.all([
      store.has(panel.talk.id).catch(
        () => undefined, // the panel asks for it (favourites/has), and shows why it cannot be read
      ),
      progress.stateOf(panel.talk.id).catch(() => undefined),
    ]);
    return {
      ...panel,
      ...(starred === undefined ? {} : { starred }),
      ...(watch ? { watch: { position: watch.position, duration: watch.duration, watched: watch.watched } } : {}),
    };
  };

  /** A panel from the stored indexes when they can give it (a large catalogue), without reading the talks. */
  const quickPanel = async (request: Extract<Request, { type: 'panel/for-video' }>) => {
    // A catalogue talk's own details first when its related talks need reading (the panel asks again for them),
    // and a video outside it judged by its title.
    const quick = request.waitForRelated
      ? live.storedPanelRelated(request.videoId)
      : live.storedPanel(request.videoId, request.title);
    return quick.catch((error: unknown) => {
      console.warn('Talkmark: the stored indexes could not give this panel; working out the whole panel', error);
      return undefined;
    });
  };

  // Star writes run one at a time, so that a view's numbered writes are checked and applied in one piece.
  let writing: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = writing.then(work, work);
    writing = turn.catch(() => {});
    return turn;
  };

  /** Sets a star, unless the same view has already had a newer write to it applied; answers whether it is set. */
  const setStar = (request: Extract<Request, { type: 'favourites/set' | 'panel/star' }>, from: Catalogue) =>
    oneAtATime(async () => {
      const { talkId, starred, write } = request;
      if (write && !(await writeOrder.isNewer(write, talkId))) return store.has(talkId);
      // The change as sync carries it: stamped, and for a star, what it keeps of its talk.
      const talk = from.talksById.get(talkId);
      const mark: Mark = {
        kind: STAR,
        talkId,
        on: starred,
        stamp: await sync.stamp(),
        ...(starred && talk ? { snapshot: talkSnapshot(talk, from) } : {}),
      };
      await writeMarks.around(async () => {
        await store.set(talkId, starred, Date.now(), mark);
        if (write) await writeOrder.record(write, talkId);
        await announceFavouritesChange();
      });
      sync.changed();
      return starred;
    });

  return async (request: Request, asker: Asker) => {
    if (request.type === 'panel/for-video') {
      // Most videos are in no catalogue and name nobody in it: say so before reading any talk.
      if (!(await live.mayHavePanel(request.videoId, request.title))) return { ok: true, value: null };
      const panel = await quickPanel(request);
      if (panel !== undefined) return { ok: true, value: panel && (await withStar(panel, asker)) };
    }
    // A content script reads and sets only the star of a talk whose panel it was given: never a reload of the
    // catalogues for an id it made up.
    if (
      (request.type === 'favourites/has' || request.type === 'panel/star') &&
      !(await mayTouchStar(asker, request.talkId))
    )
      return { ok: false, error: ['bad_request'] };
    if (
      request.type === 'progress/save' ||
      request.type === 'progress/mark' ||
      request.type === 'progress/list' ||
      request.type === 'progress/clear'
    ) {
      // A content script records progress only for the talk whose panel it was given, and lists or clears none.
      const talkId = request.type === 'progress/list' || request.type === 'progress/clear' ? undefined : request.talkId;
      if (talkId === undefined ? asker.kind !== 'extension-page' : !(await mayTouchStar(asker, talkId)))
        return { ok: false, error: ['bad_request'] };
      return progress.answer(request);
    }
    // Subscriptions are the options page's (a content script never makes Talkmark fetch anything).
    if (isSubscriptionRequest(request)) {
      if (asker.kind !== 'extension-page') return { ok: false, error: ['bad_request'] };
      return answerSubscriptions(subscriptions, request);
    }
    // The panel's star: the favourites alone say it, without waiting for the catalogue.
    if (request.type === 'favourites/has') return answerRequest(request, store, () => true, announceFavouritesChange);
    if (request.type === 'panel/star') {
      // A talk removed since its panel was shown gets no new star (taking one away always works).
      const from = await live.catalogue();
      if (request.starred && !from.talksById.has(request.talkId))
        return { ok: false, error: ['star_unknown', request.talkId] };
      try {
        return { ok: true, value: await setStar(request, from) };
      } catch (error) {
        return { ok: false, error: describeStorageError(error) };
      }
    }
    // The popup and the panel will search: a woken worker reads the index alongside the talks, not after them.
    // Favourites requests never search, so they do not read it.
    // (A failure here surfaces in the request that awaits the search.)
    if (!request.type.startsWith('favourites/')) void live.search().catch(() => {});
    let from = await live.catalogue();
    switch (request.type) {
      case 'panel/for-video': {
        const panel = await panelFor(request.videoId, request.title, from, await live.search());
        return { ok: true, value: panel ? await withStar(panel, asker) : null };
      }
      case 'talks/choices':
        return { ok: true, value: filterChoices(from) };
      case 'talks/search': {
        // Only the Favourites view and the favourites-only filter look at stars: other keystrokes read no database.
        const needsStars = request.view === 'favourites' || request.filters.favouritesOnly === true;
        const [favourites, search, watched, unfinished] = await Promise.all([
          needsStars ? store.list().catch(() => []) : [],
          // Listing with nothing typed needs no index: the first page does not wait for one to load.
          request.query.trim() ? live.search() : undefined,
          request.filters.hideWatched ? progress.watchedTalks() : new Set<string>(),
          request.view === 'continue' ? progress.unfinishedTalks() : [],
        ]);
        return { ok: true, value: findTalks(request, from, search, favourites, watched, unfinished) };
      }
      default: {
        // A talk imported a moment ago may not be read yet (the change notice is still on its way).
        if (request.type === 'favourites/set' && request.starred && !from.talksById.has(request.talkId)) {
          live.invalidate();
          from = await live.catalogue();
        }
        const known = (id: string) => from.talksById.has(id);
        if (request.type === 'favourites/set') {
          // Stars are only given to talks we know; taking one away always works (even a talk since removed).
          if (request.starred && !known(request.talkId)) return { ok: false, error: ['star_unknown', request.talkId] };
          try {
            await setStar(request, from);
            return { ok: true, value: withTalkDetails(await store.list(), from) };
          } catch (error) {
            return { ok: false, error: describeStorageError(error) };
          }
        }
        const response =
          request.type === 'favourites/list'
            ? await answerRequest(request, store, known, announceFavouritesChange)
            : await writeMarks.around(() => answerRequest(request, store, known, announceFavouritesChange));
        // Imported stars get their marks (dated as the file dates them) and sync.
        if (request.type === 'favourites/import') sync.changed();
        return response.ok && Array.isArray(response.value)
          ? { ok: true, value: withTalkDetails(response.value, from) }
          : response;
      }
    }
  };
}

const isSubscriptionRequest = (request: Request): request is Extract<Request, { type: `subscriptions/${string}` }> =>
  request.type.startsWith('subscriptions/');
