import { compareStamps } from '../../utils/marks';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { say } from '../../utils/i18n';
import { parseRequest } from '../../utils/messaging';
import { answerRequest, describeStorageError, type FavouritesRequest } from '../../utils/service';
import { type FavouritesStore, openFavouritesStore } from '../../utils/storage';

const known = (id: string) => id === 'vitess-keynote' || id === 'geo-partitioning-with-vitess';
let counter = 0;

function setup() {
  const store = openFavouritesStore(`service-test-${++counter}`);
  const onChanged = vi.fn(async () => {});
  return {
    store,
    onChanged,
    ask: (message: unknown) => answerRequest(parseRequest(message) as FavouritesRequest, store, known, onChanged),
  };
}

describe('the background’s favourites service', () => {
  it('stars a known talk, announces the change and answers with the new list', async () => {
    const { ask, onChanged } = setup();
    const response = await ask({ type: 'favourites/set', talkId: 'vitess-keynote', starred: true });
    expect(response).toMatchObject({ ok: true, value: [{ talkId: 'vitess-keynote' }] });
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('says whether one talk is starred', async () => {
    const { ask } = setup();
    expect(await ask({ type: 'favourites/has', talkId: 'vitess-keynote' })).toEqual({ ok: true, value: false });
    await ask({ type: 'favourites/set', talkId: 'vitess-keynote', starred: true });
    expect(await ask({ type: 'favourites/has', talkId: 'vitess-keynote' })).toEqual({ ok: true, value: true });
  });

  it('refuses to star a talk it does not know, but lets any star be removed', async () => {
    const { ask, store } = setup();
    expect(await ask({ type: 'favourites/set', talkId: 'nope', starred: true })).toMatchObject({ ok: false });
    await store.set('retired-talk', true);
    expect(await ask({ type: 'favourites/set', talkId: 'retired-talk', starred: false })).toMatchObject({
      ok: true,
      value: [],
    });
  });

  it('imports a good file and changes nothing for a bad one', async () => {
    const { ask, store, onChanged } = setup();
    const file = JSON.stringify({
      format: 'talkmark-favourites',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      favourites: [{ talkId: 'geo-partitioning-with-vitess', title: 'Geo', starredAt: '2026-01-01T00:00:00Z' }],
    });
    expect(await ask({ type: 'favourites/import', text: 'garbage' })).toMatchObject({ ok: false });
    expect(await store.list()).toEqual([]);
    expect(onChanged).not.toHaveBeenCalled();
    expect(await ask({ type: 'favourites/import', text: file })).toEqual({
      ok: true,
      value: { added: 1, alreadyStarred: 0, described: 0, progress: 0 },
    });
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('restores a backup’s watch progress only where it is newer than this browser’s, and never from the future', async () => {
    const { ask, store } = setup();
    const stamp = (wall: number) => ({ wall, count: 0, node: 'here' });
    await store.putMark({
      kind: 'watch',
      talkId: 'vitess-keynote',
      on: true,
      stamp: stamp(Date.UTC(2026, 5, 1)),
      value: { p: 90, d: 135 },
    });
    await store.putMark({
      kind: 'watch',
      talkId: 'geo-partitioning-with-vitess',
      on: true,
      stamp: stamp(Date.UTC(2026, 0, 1)),
      value: { p: 5, d: 600 },
    });
    const file = JSON.stringify({
      format: 'talkmark-favourites',
      version: 3,
      exportedAt: '2026-03-01T00:00:00Z',
      favourites: [],
      progress: [
        // Older than what was watched here since: left alone.
        { talkId: 'vitess-keynote', position: 10, duration: 135, at: '2026-02-01T00:00:00Z' },
        { talkId: 'geo-partitioning-with-vitess', position: 300, duration: 600, at: '2026-02-01T00:00:00Z' },
        { talkId: 'migrate-mysql-to-vitess', position: 20, duration: 900, watched: true, at: '2999-01-01T00:00:00Z' },
      ],
    });
    expect(await ask({ type: 'favourites/import', text: file })).toMatchObject({ ok: true, value: { progress: 2 } });
    const marks = new Map((await store.marks()).map((mark) => [mark.talkId, mark]));
    expect(marks.get('vitess-keynote')?.value).toEqual({ p: 90, d: 135 });
    expect(marks.get('geo-partitioning-with-vitess')?.value).toEqual({ p: 300, d: 600 });
    expect(marks.get('migrate-mysql-to-vitess')?.value).toEqual({ p: 20, d: 900, w: 1 });
    expect(marks.get('migrate-mysql-to-vitess')?.stamp.wall).toBeLessThanOrEqual(Date.now());
  });

  it('restores progress the person cleared, dated after the clearing so that it wins on synced browsers too', async () => {
    const { ask, store } = setup();
    const cleared = { wall: Date.UTC(2026, 5, 1), count: 3, node: 'here' };
    await store.putMark({ kind: 'watch', talkId: 'vitess-keynote', on: false, stamp: cleared });
    const file = JSON.stringify({
      format: 'talkmark-favourites',
      version: 3,
      exportedAt: '2026-03-01T00:00:00Z',
      favourites: [],
      progress: [{ talkId: 'vitess-keynote', position: 10, duration: 135, at: '2026-02-01T00:00:00Z' }],
    });
    expect(await ask({ type: 'favourites/import', text: file })).toMatchObject({ ok: true, value: { progress: 1 } });
    const mark = (await store.marks()).find((each) => each.talkId === 'vitess-keynote');
    expect(mark).toMatchObject({ on: true, value: { p: 10, d: 135 } });
    expect(compareStamps(mark?.stamp ?? cleared, cleared)).toBeGreaterThan(0);
  });

  it('turns a failing database into a sentence instead of throwing', async () => {
    const broken: FavouritesStore = {
      list: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      has: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      set: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      merge: () => Promise.reject(new Error('x')),
      marks: () => Promise.reject(new Error('x')),
      mark: () => Promise.reject(new Error('x')),
      putMark: () => Promise.reject(new Error('x')),
      applyMarks: () => Promise.reject(new Error('x')),
      refreshSnapshots: () => Promise.reject(new Error('x')),
      syncState: () => Promise.reject(new Error('x')),
      saveSyncState: () => Promise.reject(new Error('x')),
      close() {},
    };
    const response = await answerRequest({ type: 'favourites/list' }, broken, known, async () => {});
    expect(response.ok).toBe(false);
    expect(!response.ok && say(response.error)).toMatch(/storage for Talkmark is full/);
    expect(say(describeStorageError(new DOMException('', 'InvalidStateError')))).toMatch(/private mode/);
  });
});

describe('parseRequest', () => {
  it.each([
    [{ type: 'favourites/list' }, true],
    [{ type: 'favourites/has', talkId: 'a' }, true],
    [{ type: 'favourites/has' }, false],
    [{ type: 'panel/for-video', videoId: 'two3TzF9mVY' }, true],
    [{ type: 'panel/for-video', videoId: 'two3TzF9mVY', title: 'Vitess' }, true],
    [{ type: 'panel/for-video', videoId: 'two3TzF9mVY', title: 42 }, false],
    [{ type: 'panel/for-video' }, false],
    [{ type: 'favourites/set', talkId: 'a', starred: true }, true],
    [{ type: 'favourites/set', talkId: 'a', starred: 'yes' }, false],
    [{ type: 'favourites/set', starred: true }, false],
    [{ type: 'favourites/import', text: '{}' }, true],
    [{ type: 'favourites/import', size: 2 }, false],
    [{ type: 'delete-everything' }, false],
    ['favourites/list', false],
    [null, false],
  ])('%j is %s', (message, valid) => {
    expect(parseRequest(message) !== undefined).toBe(valid);
  });
});
