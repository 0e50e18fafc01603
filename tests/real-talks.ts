import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** One record of ../shared/talk-data/talks-combined.json.gz (see PROVENANCE.md there). */
export interface RealTalk {
  id: string;
  title: string;
  speakers: string[];
  organisation?: string;
  event: string;
  year?: number;
  youtubeId?: string;
  kind?: string;
  topics?: string[];
  summary?: string;
}

export const REAL_TALKS_PATH = new URL('../../shared/talk-data/talks-combined.json.gz', import.meta.url);

/** CI runs with ../shared beside the project (and sets CI): there, its absence is a failure, never a skip. */
export const SHARED_REQUIRED = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Says that what `what` needs from ../shared is not here: on a developer's machine the tests that need it are
 * skipped with this said; where it should be (CI), the test file fails.
 */
export function sharedMissing(what: string, path: URL): void {
  const sentence = `${what} needs ${path.pathname}, which is not here`;
  if (SHARED_REQUIRED) throw new Error(`${sentence}: CI provides ../shared, so this is a failure, not a skip.`);
  console.warn(`Skipping ${what}: ${path.pathname} is not here.`);
}

/** The 50,177 real talks, or undefined (with the reason said once) when ../shared is not on this machine. */
export function loadRealTalks(): RealTalk[] | undefined {
  if (!existsSync(REAL_TALKS_PATH)) {
    sharedMissing('what uses real talks', REAL_TALKS_PATH);
    return undefined;
  }
  return JSON.parse(gunzipSync(readFileSync(REAL_TALKS_PATH)).toString('utf8')) as RealTalk[];
}

/**
 * Real talks as one frab-compatible schedule.json (as pretalx exports it), for importing tens of thousands of
 * talks the way a person would: one conference per file, one room per source event.
 */
export function asFrabScheduleJson(talks: readonly RealTalk[], acronym: string): string {
  const rooms: Record<string, unknown[]> = {};
  for (const talk of talks) {
    const room = `${talk.event}${talk.year ? ` ${talk.year}` : ''}`;
    const events = rooms[room] ?? [];
    rooms[room] = events;
    events.push({
      guid: talk.id,
      title: talk.title,
      track: talk.topics?.[0] ?? talk.event,
      type: talk.kind ?? 'Talk',
      abstract: talk.summary ?? '',
      persons: talk.speakers.map((name) => ({ public_name: name })),
      links: talk.youtubeId
        ? [{ url: `https://www.youtube.com/watch?v=${talk.youtubeId}`, title: 'Video recording' }]
        : [],
    });
  }
  return JSON.stringify({
    schedule: { version: '1', conference: { acronym, title: `Real talks (${talks.length})`, days: [{ rooms }] } },
  });
}
