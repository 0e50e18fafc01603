import { browser } from '#imports';
import type { Favourite, MergeReport } from './favourites-store';
import { say, t } from './i18n';
import { FAVOURITES_REVISION_KEY, type Request, type Response, type ResponseValues } from './messages';

async function ask<T extends Request['type']>(request: Request & { type: T }): Promise<ResponseValues[T]> {
  let response: Response<T> | undefined;
  try {
    response = (await browser.runtime.sendMessage(request)) as Response<T> | undefined;
  } catch (error) {
    throw new Error(t('background_unreachable', String(error)));
  }
  if (!response) throw new Error(t('background_silent'));
  if (!response.ok) throw new Error(say(response.error));
  return response.value;
}

/** How views (popup, YouTube panel) read and change favourites: always through the background. */
export const favouritesClient = {
  list: (): Promise<Favourite[]> => ask({ type: 'favourites/list' }),
  set: (talkId: string, starred: boolean): Promise<Favourite[]> => ask({ type: 'favourites/set', talkId, starred }),
  importFile: (text: string, size: number): Promise<MergeReport> => ask({ type: 'favourites/import', text, size }),
  /** Calls `listener` whenever any view changes a favourite; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && FAVOURITES_REVISION_KEY in changes) listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
