import type { SessionArea } from './session-area';

const KEY = 'served-talks';

/**
 * The talks whose panel the background has shown in each tab: the only ones a content script may read or set the
 * star of. A content script lives in YouTube's page, which can reach into it; it must not list, or erase, every
 * star. Kept in session storage, so a panel still works after its worker was stopped.
 */
export function createServedTalks(area: SessionArea, perTab = 20, tabs = 200) {
  let served: Promise<Map<number, string[]>> | undefined;
  const read = async () => {
    const stored = (await area.get(KEY))[KEY];
    const entries =
      typeof stored === 'object' && stored !== null
        ? Object.entries(stored).flatMap(
            ([tab, ids]): Array<[number, string[]]> =>
              Array.isArray(ids) ? [[Number(tab), ids.filter((id): id is string => typeof id === 'string')]] : [],
          )
        : [];
    return new Map(entries);
  };
  const known = () => {
    served ??= read().catch((error: unknown) => {
      console.warn('Talkmark: the talks served to tabs could not be read', error);
      return new Map<number, string[]>();
    });
    return served;
  };
  return {
    async serve(tabId: number, talkId: string): Promise<void> {
      const byTab = await known();
      const ids = [...(byTab.get(tabId) ?? []).filter((id) => id !== talkId), talkId].slice(-perTab);
      byTab.delete(tabId);
      byTab.set(tabId, ids);
      for (const oldest of byTab.keys()) {
        if (byTab.size <= tabs) break;
        byTab.delete(oldest);
      }
      await area.set({ [KEY]: Object.fromEntries(byTab) }).catch((error: unknown) => {
        console.warn('Talkmark: the talks served to tabs could not be kept', error);
      });
    },
    async wasServed(tabId: number, talkId: string): Promise<boolean> {
      return (await known()).get(tabId)?.includes(talkId) === true;
    },
  };
}
