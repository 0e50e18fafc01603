import { filterChoices } from '../../data';
import type { Request } from '../../utils/messaging';
import { type PanelContent, panelFor } from '../../utils/panel';
import { findTalks } from '../../utils/search';
import { answerRequest, type LiveCatalogue } from '../../utils/service';
import type { FavouritesStore } from '../../utils/storage';
import { announceFavouritesChange, withTalkDetails, writeFavourites } from './favourites';

/** The background's answer to every request a view may make, by family: panel, talks, favourites. */
export function createAnswer(store: FavouritesStore, live: LiveCatalogue) {
  /** A talk's panel with its star, so that showing it waits for one message, not two; without, if unreadable. */
  const withStar = async (panel: PanelContent): Promise<PanelContent> => {
    if (panel.kind !== 'talk') return panel;
    const starred = await store.has(panel.talk.id).catch(
      () => undefined, // the panel asks for it (favourites/has), and shows why it cannot be read
    );
    return starred === undefined ? panel : { ...panel, starred };
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

  return async (request: Request) => {
    if (request.type === 'panel/for-video') {
      // Most videos are in no catalogue and name nobody in it: say so before reading any talk.
      if (!(await live.mayHavePanel(request.videoId, request.title))) return { ok: true, value: null };
      const panel = await quickPanel(request);
      if (panel !== undefined) return { ok: true, value: panel && (await withStar(panel)) };
    }
    // The panel's star: the favourites alone say it, without waiting for the catalogue.
    if (request.type === 'favourites/has') return answerRequest(request, store, () => true, announceFavouritesChange);
    // The popup and the panel will search: a woken worker reads the index alongside the talks, not after them.
    // Favourites requests never search, so they do not read it.
    // (A failure here surfaces in the request that awaits the search.)
    if (!request.type.startsWith('favourites/')) void live.search().catch(() => {});
    let from = await live.catalogue();
    switch (request.type) {
      case 'panel/for-video': {
        const panel = await panelFor(request.videoId, request.title, from, await live.search());
        return { ok: true, value: panel ? await withStar(panel) : null };
      }
      case 'talks/choices':
        return { ok: true, value: filterChoices(from) };
      case 'talks/search': {
        // Only the Favourites view and the favourites-only filter look at stars: other keystrokes read no database.
        const needsStars = request.view === 'favourites' || request.filters.favouritesOnly === true;
        const [favourites, search] = await Promise.all([
          needsStars ? store.list().catch(() => []) : [],
          // Listing with nothing typed needs no index: the first page does not wait for one to load.
          request.query.trim() ? live.search() : undefined,
        ]);
        return { ok: true, value: findTalks(request, from, search, favourites) };
      }
      default: {
        // A talk imported a moment ago may not be read yet (the change notice is still on its way).
        if (request.type === 'favourites/set' && request.starred && !from.talksById.has(request.talkId)) {
          live.invalidate();
          from = await live.catalogue();
        }
        const known = (id: string) => from.talksById.has(id);
        const response =
          request.type === 'favourites/list'
            ? await answerRequest(request, store, known, announceFavouritesChange)
            : await writeFavourites(() => answerRequest(request, store, known, announceFavouritesChange));
        return response.ok && Array.isArray(response.value)
          ? { ok: true, value: withTalkDetails(response.value, from) }
          : response;
      }
    }
  };
}
