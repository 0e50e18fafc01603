import type { EventFile, Speaker } from './schema';
import { TALK_KINDS } from './schema';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every problem found in the event files, as sentences naming the offending item; empty when all is well.
 * Run by the tests, so a bad data change fails CI rather than shipping.
 */
export function validateCatalogue(files: readonly EventFile[]): string[] {
  const problems: string[] = [];
  const report = (where: string, what: string) => problems.push(`${where}: ${what}`);

  const checkText = (where: string, record: object) => {
    for (const [field, value] of Object.entries(record)) {
      if (typeof value === 'string' && value.trim() === '') report(where, `"${field}" is empty`);
      if (typeof value === 'string' && value !== value.trim()) report(where, `"${field}" has stray spaces`);
      if (Array.isArray(value) && value.length === 0) report(where, `"${field}" is empty`);
    }
  };
  const requireFields = <T extends object>(where: string, record: T, fields: Array<keyof T & string>) => {
    for (const field of fields) if (record[field] === undefined) report(where, `"${field}" is missing`);
  };
  const checkUrl = (where: string, url: string) => {
    if (!isHttpsUrl(url)) report(where, `"${url}" is not an https link`);
  };
  const checkUnique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (!SLUG.test(id)) report(`${kind} ${id}`, 'id is not lower-case kebab-case');
      if (seen.has(id)) report(`${kind} ${id}`, 'id is used more than once');
      seen.add(id);
    }
  };

  checkUnique(
    'event',
    files.map((file) => file.event.id),
  );
  checkUnique(
    'talk',
    files.flatMap((file) => file.talks.map((talk) => talk.id)),
  );

  // A speaker may appear in several event files, but must be described the same way in each.
  const speakers = new Map<string, Speaker>();
  for (const file of files) {
    const { event } = file;
    checkText(`event ${event.id}`, event);
    // Imported schedules may leave these out; a bundled event file always names where its facts come from.
    requireFields(`event ${event.id}`, event, ['location', 'when', 'url', 'source']);
    if (event.source) {
      checkText(`event ${event.id} source`, event.source);
      if (!ISO_DATE.test(event.source.published)) report(`event ${event.id}`, 'source date is not YYYY-MM-DD');
    }
    if (event.url) checkUrl(`event ${event.id}`, event.url);
    if (event.subjects.some((subject) => subject.trim() === '')) report(`event ${event.id}`, 'a subject is empty');

    const local = new Set<string>();
    for (const speaker of file.speakers) {
      const where = `speaker ${speaker.id}`;
      checkText(where, speaker);
      requireFields(where, speaker, ['organisation']);
      if (local.has(speaker.id)) report(where, 'id is used more than once');
      local.add(speaker.id);
      const earlier = speakers.get(speaker.id);
      if (earlier && JSON.stringify(earlier) !== JSON.stringify(speaker)) {
        report(where, 'is described differently in two event files');
      }
      speakers.set(speaker.id, speaker);
    }
  }

  const videoIds = new Set<string>();
  for (const file of files) {
    for (const talk of file.talks) {
      const where = `talk ${talk.id}`;
      checkText(where, talk);
      requireFields(where, talk, ['summary', 'link']);
      if (talk.link) checkUrl(where, talk.link);
      if (talk.eventId !== file.event.id)
        report(where, `belongs to event "${talk.eventId}" but sits in ${file.event.id}`);
      if (!TALK_KINDS.includes(talk.kind)) report(where, `kind "${talk.kind}" is unknown`);
      for (const id of talk.speakerIds) {
        if (!speakers.has(id)) report(where, `speaker "${id}" does not exist`);
      }
      for (const topic of talk.topics) {
        if (!SLUG.test(topic)) report(where, `topic "${topic}" is not lower-case kebab-case`);
      }
      if (talk.videoId !== undefined) {
        if (!VIDEO_ID.test(talk.videoId))
          report(where, `video id "${talk.videoId}" is not 11 characters of A-Z a-z 0-9 - _`);
        if (videoIds.has(talk.videoId)) report(where, `video id "${talk.videoId}" is used by two talks`);
        videoIds.add(talk.videoId);
      }
      if (talk.startSeconds !== undefined && !(Number.isInteger(talk.startSeconds) && talk.startSeconds > 0)) {
        report(where, 'start is not a positive whole number of seconds');
      }
      if (talk.startSeconds !== undefined && talk.videoId === undefined) report(where, 'has a start but no video');
    }
  }
  return problems;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}
