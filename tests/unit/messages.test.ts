import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground, mayAsk, parseRequest, parseResponse, type Request, senderKind } from '../../utils/messaging';

const ID = 'talkmark-id';
const ORIGIN = 'chrome-extension://talkmark-id/';
const request = (message: object) => parseRequest(message) as Request;

describe('who may ask what', () => {
  it('tells the extension’s pages from its content scripts, and refuses strangers', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: 'https://www.youtube.com/watch?v=x', tab: {} }, ID, ORIGIN)).toBe(
      'content-script',
    );
    expect(senderKind({ id: 'another-extension', url: 'https://example.com', tab: {} }, ID, ORIGIN)).toBeUndefined();
    expect(senderKind({ id: ID, url: 'https://www.youtube.com/' }, ID, ORIGIN)).toBeUndefined();
  });

  it('lets a content script ask only what the panel needs: its panel, and its talk’s star', () => {
    const panel = request({ type: 'panel/for-video', videoId: 'OCS45iy5v1M' });
    const panelStar = request({ type: 'panel/star', talkId: 'a', starred: true });
    const star = request({ type: 'favourites/set', talkId: 'a', starred: true });
    const list = request({ type: 'favourites/list' });
    const importing = request({ type: 'favourites/import', text: '{}' });
    const searching = request({ type: 'talks/search', query: '', view: 'talks', limit: 30, filters: {} });
    for (const allowed of [panel, panelStar, request({ type: 'favourites/has', talkId: 'a' })])
      expect(mayAsk('content-script', allowed)).toBe(true);
    // Listing every star (titles included) and setting any star are not the panel's: a page that reaches into
    // the content script could list every star and then erase them all.
    for (const refused of [star, list, importing, searching]) expect(mayAsk('content-script', refused)).toBe(false);
    for (const any of [panel, star, list, importing, searching]) expect(mayAsk('extension-page', any)).toBe(true);
  });

  it('carries a write’s number only when it is well formed', () => {
    expect(parseRequest({ type: 'panel/star', talkId: 'a', starred: false, write: { view: 'v', seq: 3 } })).toEqual({
      type: 'panel/star',
      talkId: 'a',
      starred: false,
      write: { view: 'v', seq: 3 },
    });
    expect(
      parseRequest({ type: 'favourites/set', talkId: 'a', starred: true, write: { view: 'v', seq: 'x' } }),
    ).toEqual({ type: 'favourites/set', talkId: 'a', starred: true });
  });

  it('asks for a panel’s related talks only with a true flag', () => {
    expect(parseRequest({ type: 'panel/for-video', videoId: 'v', waitForRelated: true })).toEqual({
      type: 'panel/for-video',
      videoId: 'v',
      waitForRelated: true,
    });
    expect(parseRequest({ type: 'panel/for-video', videoId: 'v', waitForRelated: 'yes' })).toEqual({
      type: 'panel/for-video',
      videoId: 'v',
    });
  });

  it('measures an import’s size itself: a size the sender claims is not even read', () => {
    expect(parseRequest({ type: 'favourites/import', text: 'x', size: 1 })).toEqual({
      type: 'favourites/import',
      text: 'x',
    });
  });

  it('checks a response’s shape before using it', () => {
    expect(parseResponse({ ok: true, value: [] })).toEqual({ ok: true, value: [] });
    expect(parseResponse({ ok: false, error: ['storage_full'] })).toEqual({ ok: false, error: ['storage_full'] });
    expect(parseResponse({ ok: false, error: 'storage_full' })).toBeUndefined();
    expect(parseResponse('ok')).toBeUndefined();
  });
});

describe('asking the background', () => {
  it('tries once more when the worker does not answer, then says so in a sentence without the browser’s words', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = await askBackground({ type: 'favourites/list' }).catch((error: Error) => error.message);
    expect(send).toHaveBeenCalledTimes(2);
    expect(failure).toBe(
      'Talkmark’s background could not be reached. Reload the page and try again; nothing you saved has changed.',
    );
    expect(failure).not.toMatch(/establish connection/);
    expect(warn).toHaveBeenCalled(); // the browser's words go to the console, for whoever debugs
    send.mockReset();
    warn.mockRestore();
  });

  it('succeeds on the second try when the worker was only starting', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection.'))
      // The fake browser types sendMessage's answer as void; a real background answers this.
      .mockResolvedValueOnce({ ok: true, value: [] } as unknown as undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await askBackground({ type: 'favourites/list' })).toEqual([]);
    expect(send).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });
});
