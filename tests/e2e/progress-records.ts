import type { Page } from 'playwright-core';

// Thousands of talks' watch progress for the scale test and the bench, written straight into the extension's
// database as the background keeps it, since playing 5,000 recordings is not a test.

/** Writes a watch mark for each talk, as the background keeps them: every other one watched, the rest at 2:00. */
export async function putProgressRecords(extensionPage: Page, talkIds: readonly string[]): Promise<void> {
  await extensionPage.evaluate(async (ids) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('talkmark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('marks', 'readwrite');
    ids.forEach((talkId, n) => {
      const value = n % 2 === 0 ? { p: 2_900, d: 3_000, w: 1 } : { p: 120, d: 3_000 };
      const stamp = { wall: 1_765_000_000_000 + n * 1_000, count: 0, node: 'seeded' };
      tx.objectStore('marks').put({ key: `watch:${talkId}`, mark: { kind: 'watch', talkId, on: true, stamp, value } });
    });
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  }, talkIds);
}
