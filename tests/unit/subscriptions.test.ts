import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledEventFiles } from '../../data/events';
import { say } from '../../utils/i18n';
import { createSubscriptionService, type SubscriptionArea } from '../../utils/service';
import { changesBetween, type Subscription, siteOf, subscriptionAddress } from '../../utils/subscriptions';
import { sharedMissing } from '../real-talks';
import { freshconfSchedule, type ScheduleServer, startScheduleServer } from '../schedule-server';
import { freshCatalogueStores } from './fresh-stores';

const freshStore = freshCatalogueStores('talkmark-subscriptions');
const CATALOGUE = 'freshconf2026';

let server: ScheduleServer;
beforeAll(async () => {
  server = await startScheduleServer();
});
afterAll(() => server?.close());
afterEach(() => {
  server.requests.splice(0);
});

/** The service over a real catalogue store and the real server, with permissions the test grants. */
function setup(options: { granted?: string[]; online?: boolean; timeoutMs?: number; maxBytes?: number } = {}) {
  const store = freshStore();
  let saved: Subscription[] = [];
  const area: SubscriptionArea = {
    read: async () => structuredClone(saved),
    write: async (all) => {
      saved = structuredClone(all);
    },
  };
  const granted = new Set(options.granted ?? [siteOf(server.origin)]);
  const released: string[] = [];
  const starred = new Set<string>();
  let changed = 0;
  const service = createSubscriptionService({
    area,
    store,
    permissions: {
      contains: async (site) => granted.has(site),
      remove: async (site) => {
        granted.delete(site);
        released.push(site);
      },
    },
    bundled: bundledEventFiles,
    starred: async () => starred,
    catalogueChanged: async () => {
      changed++;
    },
    online: () => options.online ?? true,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
  return { service, store, granted, released, starred, saved: () => saved, changed: () => changed };
}

describe('an address to subscribe to', () => {
  it('is http or https without credentials, and asks for its one site', () => {
    expect(subscriptionAddress(' https://fosdem.org/2026/schedule/xml#x ')).toEqual({
      ok: true,
      url: 'https://fosdem.org/2026/schedule/xml',
      site: 'https://fosdem.org/*',
    });
    expect(subscriptionAddress('http://127.0.0.1:8080/s.json')).toMatchObject({ ok: true, site: 'http://127.0.0.1/*' });
    for (const [typed, error] of [
      ['fosdem.org/schedule', 'subscribe_not_address'],
      ['ftp://example.org/s.xml', 'subscribe_not_http'],
      ['javascript:alert(1)', 'subscribe_not_http'],
      ['https://me:secret@example.org/s.xml', 'subscribe_credentials'],
    ] as const)
      expect(subscriptionAddress(typed), typed).toEqual({ ok: false, error: [error] });
  });
});

describe('subscriptions over a real HTTP server', () => {
  it('subscribes, and an unchanged refresh is one conditional request answered 304, with no parsing', async () => {
    server.serve('/freshconf.xml', freshconfSchedule());
    const { service, store, saved } = setup();
    const outcome = await service.subscribe(server.url('/freshconf.xml'));
    expect(outcome).toMatchObject({ ok: true, catalogueId: CATALOGUE, name: 'Freshconf 2026', talkCount: 3 });
    expect((await store.list()).map((record) => record.id)).toEqual([CATALOGUE]);
    expect(server.requests).toHaveLength(1);
    // No cookies, no credentials: the request carries none.
    expect(server.requests[0]?.headers.cookie).toBeUndefined();
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    const importedAt = (await store.list())[0]?.importedAt;

    await service.refresh(CATALOGUE);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(server.requests[1]?.headers['if-modified-since']).toMatch(/GMT$/);
    expect((await store.list())[0]?.importedAt).toBe(importedAt); // not stored again
    expect(saved()[0]).toMatchObject({ catalogueId: CATALOGUE, checkedAt: expect.any(Number) });
    expect(saved()[0]?.problem).toBeUndefined();
  });

  it('names what a refresh changed: new recordings, a removed and a rescheduled talk, and the starred ones', async () => {
    server.serve('/changes.xml', freshconfSchedule());
    const { service, store, starred, saved } = setup();
    await service.subscribe(server.url('/changes.xml'));
    starred.add(`${CATALOGUE}/f0000000-0000-4000-8000-000000000002`);
    server.serve('/changes.xml', freshconfSchedule({ recordings: true, rescheduled: true, withoutLast: true }));
    await service.refresh(CATALOGUE);
    expect(saved()[0]?.changes).toEqual({
      added: 0,
      removed: 1,
      rescheduled: 1,
      newRecordings: 2,
      starred: ['Operators for stateful sets'],
    });
    const file = await store.file(CATALOGUE);
    expect(file?.talks.map((talk) => talk.videoId)).toEqual(['FreshVid001', 'FreshVid002']);
    // The same talks (by guid) keep their ids, so their stars stay on them.
    expect(file?.talks[1]?.id).toBe(`${CATALOGUE}/f0000000-0000-4000-8000-000000000002`);
  });

  it.each<[string, (path: string) => void, RegExp]>([
    ['a 404', (path) => server.misbehave(path, { kind: 'status', status: 404 }), /answered with error 404/],
    ['a 500', (path) => server.misbehave(path, { kind: 'status', status: 500 }), /answered with error 500/],
    ['a sign-in page served with 200', (path) => server.misbehave(path, { kind: 'html' }), /a web page/],
    ['a file over the cap', (path) => server.misbehave(path, { kind: 'huge' }), /over 50 MB/],
    ['a body cut short', (path) => server.misbehave(path, { kind: 'truncate' }), /stopped before the end/],
    ['a server that never answers', (path) => server.misbehave(path, { kind: 'hang' }), /did not answer within/],
    [
      'a redirect to a site not allowed',
      // The same server under another name: another site, which the person did not allow.
      (path) =>
        server.misbehave(path, {
          kind: 'redirect',
          to: server.url('/elsewhere.xml').replace('127.0.0.1', 'localhost'),
        }),
      /sent Talkmark on to localhost:\d+/,
    ],
    [
      'a file that is not a schedule',
      (path) => server.serve(path, '{"hello": "world"}', 'application/json'),
      /not a schedule|not recognised|JSON/i,
    ],
    [
      'another conference at the same address',
      (path) => server.serve(path, freshconfSchedule({ nextYear: true })),
      /now serves another conference, “Freshconf 2027”/,
    ],
  ])(
    'on %s, says why in a sentence and keeps the catalogue whole',
    async (_label, spoil, message) => {
      const path = `/bad-${Math.random().toString(36).slice(2)}.xml`;
      server.serve(path, freshconfSchedule());
      const { service, store, saved } = setup({ timeoutMs: 1_500 });
      await service.subscribe(server.url(path));
      const before = await store.file(CATALOGUE);
      spoil(path);
      await service.refresh(CATALOGUE);
      server.misbehave(path, undefined);
      const problem = saved()[0]?.problem;
      expect(problem && say(problem)).toMatch(message);
      expect(await store.file(CATALOGUE)).toEqual(before);
    },
    20_000,
  );

  it('offers another conference at the address as a catalogue of its own, keeping the old one as it was', async () => {
    server.serve('/moved.xml', freshconfSchedule());
    const { service, store, saved } = setup();
    await service.subscribe(server.url('/moved.xml'));
    server.serve('/moved.xml', freshconfSchedule({ nextYear: true }));
    await service.refresh(CATALOGUE);
    expect(saved()[0]?.otherConference).toEqual({ id: 'freshconf2027', name: 'Freshconf 2027' });
    expect(await service.adoptOther(CATALOGUE)).toMatchObject({ ok: true, catalogueId: 'freshconf2027' });
    expect((await store.list()).map((record) => record.id).sort()).toEqual([CATALOGUE, 'freshconf2027']);
    expect(saved().map((each) => each.catalogueId)).toEqual(['freshconf2027']);
  });

  it('when offline or refused a connection, says so, and asks nothing once the site is withdrawn', async () => {
    server.serve('/offline.xml', freshconfSchedule());
    const closed = await startScheduleServer();
    const address = closed.url('/gone.xml');
    await closed.close();
    const offline = setup({ online: false });
    expect(await offline.service.subscribe(address)).toMatchObject({
      ok: false,
      error: ['subscription_offline', expect.any(String)],
    });
    const refused = setup();
    expect(await refused.service.subscribe(address)).toMatchObject({
      ok: false,
      error: ['subscription_unreachable', expect.any(String)],
    });

    const { service, granted, saved } = setup();
    await service.subscribe(server.url('/offline.xml'));
    granted.clear(); // the person withdrew the site in the browser
    const asked = server.requests.length;
    await service.refresh(CATALOGUE);
    expect(saved()[0]?.paused).toBe(true);
    expect(server.requests).toHaveLength(asked);
  });

  it('refuses a TLS error like any unreachable server, and the catalogue stays', async () => {
    const secure = await startScheduleServer({ tls: true });
    try {
      secure.serve('/tls.xml', freshconfSchedule());
      const { service, store } = setup({ granted: [siteOf(secure.origin)] });
      const outcome = await service.subscribe(secure.url('/tls.xml'));
      expect(!outcome.ok && say(outcome.error)).toMatch(/certificate is not valid/);
      expect(await store.list()).toEqual([]);
    } finally {
      await secure.close();
    }
  });

  it('releases the site on unsubscribing, unless another subscription uses it', async () => {
    server.serve('/one.xml', freshconfSchedule());
    server.serve('/two.xml', readFileSync(new URL('../fixtures/schedules/small-frab.xml', import.meta.url)));
    const { service, released, store } = setup();
    await service.subscribe(server.url('/one.xml'));
    await service.subscribe(server.url('/two.xml'));
    await service.unsubscribe(CATALOGUE);
    expect(released).toEqual([]);
    await service.unsubscribe('tinyconf2024');
    expect(released).toEqual([siteOf(server.origin)]);
    // The catalogues stay: only the refreshing stops.
    expect((await store.list()).length).toBe(2);
  });

  it('with no subscription, the daily refresh asks nothing of anyone', async () => {
    const { service } = setup();
    await service.refreshAll();
    expect(server.requests).toEqual([]);
  });
});

describe('what changed', () => {
  it('counts a talk given a time for the first time as no reschedule', () => {
    const talk = { id: 'a', eventId: 'e', kind: 'talk' as const, title: 'A', speakerIds: [], topics: [] };
    const event = { id: 'e', name: 'E', kind: 'conference' as const };
    const summary = changesBetween(
      { event, speakers: [], talks: [talk] } as never,
      { event, speakers: [], talks: [{ ...talk, startsAt: '2026-05-12T10:00:00Z' }] } as never,
      new Set(),
    );
    expect(summary.rescheduled).toBe(0);
  });
});

// The real schedules in ../shared (see its SOURCES.md), served as their conferences serve them.
const samples = new URL('../../../shared/talk-data/samples/', import.meta.url);
const haveSamples = existsSync(samples);
if (!haveSamples) sharedMissing('The real schedules served for subscriptions', samples);

describe.skipIf(!haveSamples)('subscribing to the real schedules in ../shared/talk-data/samples', () => {
  it.each([
    ['fosdem-2020-schedule.xml', 'application/xml', 872],
    ['ccc-39c3-hub-schedule-20251206.xml', 'text/xml', 215],
    ['pretalx-mch2022-schedule.json', 'application/json', 183],
    ['frab-camp2019-schedule.json', 'application/json', 79],
    ['kotlinconf-2025-conference.json', 'application/json; charset=utf-8', 112],
  ])('%s, served as %s, subscribes with every talk, then refreshes with a 304', async (name, type, talks) => {
    server.serve(`/${name}`, readFileSync(new URL(name, samples)), type);
    const { service, saved } = setup();
    const outcome = await service.subscribe(server.url(`/${name}`));
    expect(outcome).toMatchObject({ ok: true, talkCount: talks });
    await service.refresh(outcome.ok ? outcome.catalogueId : '');
    expect(server.requests.map((request) => request.headers['if-none-match'] !== undefined)).toEqual([false, true]);
    expect(saved()[0]?.problem).toBeUndefined();
  });
});
