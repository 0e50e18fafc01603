import type { Browser } from 'wxt/browser';
import { browser } from '#imports';
import { formatList, t } from '../../utils/i18n';
import { omniboxDestination, omniboxSuggestions } from '../../utils/search';
import type { LiveCatalogue } from '../../utils/service';
import { logFailure } from './log-failure';

/** The popup's search as a page, whose address carries the query (so it can be kept or shared). */
export const searchPage = (query: string) => browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`);

/** `talk` and a space in the address bar: suggestions as you type, and the chosen (or best) talk on Enter. */
export function listenToAddressBar(live: LiveCatalogue) {
  const omniboxInputChanged = async (text: string, suggest: (suggestions: Browser.omnibox.SuggestResult[]) => void) =>
    suggest(
      omniboxSuggestions(
        text,
        await live.search(),
        await live.catalogue(),
        import.meta.env.BROWSER !== 'firefox',
        formatList,
      ),
    );
  const omniboxInputEntered = async (text: string, disposition: `${Browser.omnibox.OnInputEnteredDisposition}`) => {
    const url = omniboxDestination(text, await live.search(), await live.catalogue(), searchPage);
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  };
  browser.omnibox.setDefaultSuggestion({ description: t('omnibox_default') });
  browser.omnibox.onInputChanged.addListener(
    (text, suggest) => void omniboxInputChanged(text, suggest).catch(logFailure('address-bar suggestions')),
  );
  browser.omnibox.onInputEntered.addListener(
    (text, disposition) => void omniboxInputEntered(text, disposition).catch(logFailure('address-bar search')),
  );
  return { omniboxInputChanged, omniboxInputEntered };
}
