import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { say } from '../../utils/i18n';
import { describeStorageError } from '../../utils/service';
import { connectDatabase, isClosedConnection, openFavouritesStore } from '../../utils/storage';

let counter = 0;
const freshName = () => `talkmark-test-${++counter}`;
const stores: Array<{ close(): void }> = [];
const open = (name: string) => {
  const store = openFavouritesStore(name);
  stores.push(store);
  return store;
};
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe('favourites store', () => {
  it('stars, lists newest first, and unstars', async () => {
    const store = open(freshName());
    await store.set('a', true, 1000);
    await store.set('b', true, 3000);
    await store.set('c', true, 2000);
    expect((await store.list()).map((f) => f.talkId)).toEqual(['b', 'c', 'a']);
    await store.set('c', false);
    expect(await store.list()).toEqual([
      { talkId: 'b', starredAt: 3000 },
      { talkId: 'a', starredAt: 1000 },
    ]);
  });

  it('keeps the first date when a talk is starred again', async () => {
    const store = open(freshName());
    await store.set('a', true, 1000);
    await store.set('a', true, 5000);
    expect(await store.list()).toEqual([{ talkId: 'a', starredAt: 1000 }]);
  });

  it('survives closing and reopening', async () => {
    const name = freshName();
    const first = open(name);
    await first.set('a', true, 1000);
    first.close();
    expect(await open(name).list()).toEqual([{ talkId: 'a', starredAt: 1000 }]);
  });

  it('upgrades a version 1 database without losing its stars', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('favourites', { keyPath: 'talkId' });
      },
    });
    await v1.put('favourites', { talkId: 'old', starredAt: 1000 });
    await v1.put('favourites', { talkId: 'older', starredAt: 500 });
    v1.close();

    const store = open(name);
    expect((await store.list()).map((f) => f.talkId)).toEqual(['old', 'older']);
    await store.set('new', true, 2000);
    expect((await store.list()).map((f) => f.talkId)).toEqual(['new', 'old', 'older']);
  });

  it('loses nothing when two views toggle at the same time', async () => {
    const name = freshName();
    const tabA = open(name);
    const tabB = open(name);
    const ids = Array.from({ length: 40 }, (_, i) => `talk-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? tabA : tabB).set(id, true, i)));
    // Interleave stars and unstars of the same talks from both tabs; the last word on each talk wins.
    await Promise.all(ids.map((id, i) => (i % 2 ? tabB : tabA).set(id, i % 3 !== 0, 100 + i)));
    const expected = ids.filter((_, i) => i % 3 !== 0);
    expect((await tabA.list()).map((f) => f.talkId).sort()).toEqual(expected.sort());
  });

  it('merges in one transaction, keeping existing dates', async () => {
    const store = open(freshName());
    await store.set('a', true, 1000);
    const report = await store.merge([
      { talkId: 'a', starredAt: 9 },
      { talkId: 'b', starredAt: 2000 },
    ]);
    expect(report).toEqual({ added: 1, alreadyStarred: 1 });
    expect(await store.list()).toEqual([
      { talkId: 'b', starredAt: 2000 },
      { talkId: 'a', starredAt: 1000 },
    ]);
  });

  it('counts the same new talk twice in one file as one star, not as "already starred"', async () => {
    const store = open(freshName());
    const report = await store.merge([
      { talkId: 'b', starredAt: 2000 },
      { talkId: 'b', starredAt: 2000 },
    ]);
    expect(report).toEqual({ added: 1, alreadyStarred: 0 });
  });

  it('rejects, rather than throwing uncaught, when IndexedDB is unavailable', async () => {
    const original = globalThis.indexedDB;
    // @ts-expect-error: simulating a browser without IndexedDB (e.g. some private modes)
    delete globalThis.indexedDB;
    try {
      const store = openFavouritesStore(freshName());
      await expect(store.list()).rejects.toThrow();
      await expect(store.set('a', true)).rejects.toThrow();
    } finally {
      globalThis.indexedDB = original;
    }
  });
});

describe('a connection the browser closes', () => {
  it('is opened again and the request retried once, so no star is refused until a restart', async () => {
    const name = freshName();
    const connection = connectDatabase(name);
    const store = open(name);
    await store.set('vitess-keynote', true);
    // The store's own connection, closed as the browser closes it (no `close` event reaches the page).
    const { run } = connectDatabase(name);
    let closedOnce = false;
    const result = await run(async (db) => {
      if (!closedOnce) {
        closedOnce = true;
        db.close();
      }
      return (await db.getAll('favourites')).map((favourite) => favourite.talkId);
    });
    expect(result).toEqual(['vitess-keynote']);
    connection.close();
  });

  it('says the browser closed the storage, not “private mode”, when even a new connection fails', async () => {
    const closing = new DOMException('The database connection is closing.', 'InvalidStateError');
    expect(isClosedConnection(closing)).toBe(true);
    expect(say(describeStorageError(closing))).toMatch(/browser closed Talkmark’s storage/);
    expect(say(describeStorageError(new DOMException('no storage here', 'InvalidStateError')))).toMatch(/private mode/);
    expect(say(describeStorageError(new DOMException('disk I/O', 'UnknownError')))).toMatch(
      /storage failed \(disk I\/O\)/,
    );
  });
});
