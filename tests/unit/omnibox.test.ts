import { describe, expect, it } from 'vitest';
import { bundledCatalogue as catalogue } from '../../data/events';
import { formatList } from '../../utils/i18n';
import { createCatalogueSearch, omniboxDestination, omniboxSuggestions } from '../../utils/search';

const search = createCatalogueSearch(catalogue);
const searchPage = (q: string) => `chrome-extension://id/popup.html?q=${encodeURIComponent(q)}`;

describe('omnibox', () => {
  it('suggests matching talks with their URL, matches marked for Chrome', () => {
    const [first] = omniboxSuggestions('geo partitoning', search, catalogue, true, formatList);
    expect(first).toEqual({
      content: 'https://www.youtube.com/watch?v=-Hz6LFJu1cY',
      description:
        '<match>Geo</match>-<match>partitioning</match> with Vitess <dim>— Deepthi Sigireddi and Jitendra Vaidya</dim>',
    });
  });

  it('escapes XML in descriptions and leaves Firefox plain text', () => {
    const chrome = omniboxSuggestions('slack', search, catalogue, true, formatList)[0]?.description;
    expect(chrome).toContain('&#39;'); // "Slack's"
    const firefox = omniboxSuggestions('slack', search, catalogue, false, formatList)[0]?.description;
    expect(firefox).toBe(
      "Scaling Resilient Systems: A Journey into Slack's Database Service — Rafael Chacon and Guido Iaquinti",
    );
    // Speakers are listed as the messages' language lists them, not with a comma in every language.
    const german = (items: string[]) => new Intl.ListFormat('de', { type: 'conjunction' }).format(items);
    expect(omniboxSuggestions('slack', search, catalogue, false, german)[0]?.description).toMatch(
      /Rafael Chacon und Guido Iaquinti$/,
    );
  });

  it('gives at most six suggestions and none for nonsense', () => {
    expect(omniboxSuggestions('vitess', search, catalogue, true, formatList).length).toBeLessThanOrEqual(6);
    expect(omniboxSuggestions('zzzzqqq', search, catalogue, true, formatList)).toEqual([]);
  });

  it('opens a chosen suggestion, else the best match, else the search page', () => {
    expect(omniboxDestination('https://www.youtube.com/watch?v=-Hz6LFJu1cY', search, catalogue, searchPage)).toBe(
      'https://www.youtube.com/watch?v=-Hz6LFJu1cY',
    );
    expect(omniboxDestination('keynote', search, catalogue, searchPage)).toBe(
      'https://www.youtube.com/watch?v=two3TzF9mVY&t=105',
    );
    expect(omniboxDestination('kasten booth', search, catalogue, searchPage)).toBe(searchPage('kasten booth'));
  });
});
