import { readTalkSnapshot, type TalkSnapshot } from '../../data';
import { decodeStamp, encodeStamp } from './clock';
import type { Mark } from './mark';

/**
 * How marks are written into a sync item: a JSON list of compact entries, deflated and in base64. Browsers give
 * an extension 100 KB of sync storage in all; titles compress to about half. The format has a version of its
 * own: an item of a newer one is left as it is (a newer Talkmark wrote it) and never overwritten.
 */
export const MARKS_FORMAT = 1;

/**
 * One mark as an entry: [kind, talk id, 1 or 0, stamp, snapshot?, value?]. The snapshot is [title, event,
 * speakers joined by "\n", video id or watch address, start second], trailing empty places left out.
 */
type Entry = [string, string, 0 | 1, string, ...unknown[]];

function entryOf(mark: Mark, withSnapshot: boolean): Entry {
  const entry: Entry = [mark.kind, mark.talkId, mark.on ? 1 : 0, encodeStamp(mark.stamp)];
  const snapshot = withSnapshot ? mark.snapshot : undefined;
  if (snapshot || mark.value !== undefined) entry.push(snapshot ? packSnapshot(snapshot) : 0);
  if (mark.value !== undefined) entry.push(mark.value);
  return entry;
}

function packSnapshot(snapshot: TalkSnapshot): unknown[] {
  const packed: unknown[] = [
    snapshot.title,
    snapshot.eventName ?? '',
    (snapshot.speakers ?? []).join('\n'),
    snapshot.videoId ?? snapshot.watchUrl ?? '',
    snapshot.startSeconds ?? 0,
  ];
  while (packed.length > 1 && (packed.at(-1) === '' || packed.at(-1) === 0)) packed.pop();
  return packed;
}

/** A packed snapshot read back, checked as every snapshot from outside is. */
function unpackSnapshot(value: unknown): TalkSnapshot | undefined {
  if (!Array.isArray(value)) return undefined;
  const [title, eventName, speakers, watch, startSeconds] = value as unknown[];
  return readTalkSnapshot({
    title,
    eventName,
    speakers: typeof speakers === 'string' ? speakers.split('\n') : [],
    // One place holds the video id or else the watch link: the reader keeps whichever it is.
    videoId: watch,
    watchUrl: watch,
    startSeconds,
  });
}

/** A mark read back from an entry, or undefined when the entry is damaged (it is then ignored, never fatal). */
function markOf(entry: unknown): Mark | undefined {
  if (!Array.isArray(entry)) return undefined;
  const [kind, talkId, on, stampText, snapshot, value] = entry as unknown[];
  const stamp = decodeStamp(stampText);
  if (typeof kind !== 'string' || !kind || typeof talkId !== 'string' || !talkId || talkId.length > 300) return;
  if ((on !== 0 && on !== 1) || !stamp) return undefined;
  const mark: Mark = { kind, talkId, on: on === 1, stamp };
  const unpacked = unpackSnapshot(snapshot);
  if (unpacked) mark.snapshot = unpacked;
  if (entry.length > 5) mark.value = value;
  return mark;
}

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function inflate(base64: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** The sync item's value for these marks; `withSnapshot` says which carry their snapshot (titles cost bytes). */
export async function encodeMarks(marks: readonly Mark[], withSnapshot: (mark: Mark) => boolean): Promise<string> {
  return deflate(JSON.stringify({ v: MARKS_FORMAT, m: marks.map((mark) => entryOf(mark, withSnapshot(mark))) }));
}

export type DecodedItem =
  | { ok: true; marks: Mark[]; damaged: number }
  | { ok: false; reason: 'newer'; version: number }
  | { ok: false; reason: 'damaged' };

/** The marks in a sync item's value. A newer format is said as such (and left alone); damage is counted. */
export async function decodeMarks(value: unknown): Promise<DecodedItem> {
  if (typeof value !== 'string') return { ok: false, reason: 'damaged' };
  let data: unknown;
  try {
    data = JSON.parse(await inflate(value));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'damaged' };
  const { v, m } = data as { v?: unknown; m?: unknown };
  if (typeof v === 'number' && v > MARKS_FORMAT) return { ok: false, reason: 'newer', version: v };
  if (v !== MARKS_FORMAT || !Array.isArray(m)) return { ok: false, reason: 'damaged' };
  const marks: Mark[] = [];
  let damaged = 0;
  for (const entry of m) {
    const mark = markOf(entry);
    if (mark) marks.push(mark);
    else damaged++;
  }
  return { ok: true, marks, damaged };
}
