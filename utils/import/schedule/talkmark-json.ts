import type { ConferenceEvent, EventFile, Speaker, Talk } from '../../../data';
import { TALK_KINDS } from '../../../data';
import type { Message } from '../../i18n';
import { tokenize } from '../../text';
import { clean } from './draft';
import { array, record, text } from './json-values';
import { shorten } from './plain-text';

/**
 * Talkmark's own catalogue format: one conference as `data/events/*.ts` describes it, with a format name and a
 * version. `data/talkmark-catalogue.schema.json` is its JSON Schema; this module writes it and reads it back.
 * Bump the version on any change an older Talkmark could misread.
 */
export interface CatalogueFile extends EventFile {
  format: 'talkmark-catalogue';
  version: 1;
}

export const CATALOGUE_FILE_VERSION = 1;

export function createCatalogueFile(file: EventFile): CatalogueFile {
  return { format: 'talkmark-catalogue', version: CATALOGUE_FILE_VERSION, ...file };
}

export function catalogueFileName(file: EventFile): string {
  return `talkmark-catalogue-${file.event.id.replace(/[^\p{L}\p{N}-]+/gu, '-')}.json`;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** The event file in a Talkmark catalogue, or the first thing wrong with it, in words. */
export function readCatalogueFile(
  data: Record<string, unknown>,
): { ok: true; file: EventFile } | { ok: false; error: Message } {
  const fail = (...error: Message) => ({ ok: false as const, error });
  if (data.version !== CATALOGUE_FILE_VERSION) {
    return typeof data.version === 'number' && data.version > CATALOGUE_FILE_VERSION
      ? fail('import_catalogue_newer', String(data.version))
      : fail('import_catalogue_damaged', 'version');
  }
  const rawEvent = record(data.event);
  const eventId = clean(text(rawEvent?.id));
  const eventName = clean(text(rawEvent?.name));
  if (!rawEvent || !eventId || !eventName) return fail('import_catalogue_damaged', 'event');
  const optional = (field: string) => {
    const value = clean(text(rawEvent[field]));
    return value ? { [field]: value } : {};
  };
  const topicNames = record(rawEvent.topicNames);
  const event: ConferenceEvent = {
    id: eventId,
    name: eventName,
    ...optional('location'),
    ...optional('when'),
    ...optional('url'),
    subjects: boundedSubjects(array(rawEvent.subjects)),
    ...(topicNames
      ? {
          topicNames: Object.fromEntries(
            Object.entries(topicNames).filter(([, name]) => typeof name === 'string'),
          ) as Record<string, string>,
        }
      : {}),
  };
  const source = record(rawEvent.source);
  if (source && text(source.title) && text(source.author) && text(source.published)) {
    event.source = { title: String(source.title), author: String(source.author), published: String(source.published) };
  }

  const speakers: Speaker[] = [];
  for (const [position, item] of array(data.speakers).entries()) {
    const speaker = record(item);
    const id = clean(text(speaker?.id));
    const name = clean(text(speaker?.name));
    if (!speaker || !id || !name) return fail('import_catalogue_damaged', `speakers[${position}]`);
    const organisation = clean(text(speaker.organisation));
    const role = clean(text(speaker.role));
    const aliases = array(speaker.aliases).filter((alias): alias is string => typeof alias === 'string');
    speakers.push({
      id,
      name,
      ...(organisation ? { organisation } : {}),
      ...(role ? { role } : {}),
      ...(aliases.length ? { aliases } : {}),
    });
  }
  const speakerIds = new Set(speakers.map((speaker) => speaker.id));

  const talks: Talk[] = [];
  const talkIds = new Set<string>();
  for (const [position, item] of array(data.talks).entries()) {
    const talk = record(item);
    const where = `talks[${position}]`;
    const id = clean(text(talk?.id));
    const title = clean(text(talk?.title));
    const kind = TALK_KINDS.find((known) => known === talk?.kind);
    const ids = array(talk?.speakerIds);
    if (!talk || !id || !title || !kind || talkIds.has(id)) return fail('import_catalogue_damaged', where);
    if (!ids.every((speakerId) => typeof speakerId === 'string' && speakerIds.has(speakerId))) {
      return fail('import_catalogue_damaged', `${where}.speakerIds`);
    }
    const videoId = text(talk.videoId);
    if (videoId !== undefined && !VIDEO_ID.test(videoId)) return fail('import_catalogue_damaged', `${where}.videoId`);
    const start = talk.startSeconds;
    const startSeconds = typeof start === 'number' && Number.isInteger(start) && start > 0 ? start : undefined;
    talkIds.add(id);
    const field = (name: 'summary' | 'link' | 'watchUrl') => {
      const value = clean(text(talk[name]));
      if (!value) return {};
      if (name === 'summary') return { summary: shorten(value, MAX_SUMMARY_LENGTH) };
      return /^https?:\/\//i.test(value) ? { [name]: value } : {};
    };
    talks.push({
      id,
      eventId,
      kind,
      title,
      speakerIds: ids as string[],
      topics: array(talk.topics).filter((topic): topic is string => typeof topic === 'string' && !!topic.trim()),
      ...field('summary'),
      ...field('link'),
      ...field('watchUrl'),
      ...(videoId ? { videoId } : {}),
      ...(videoId && startSeconds ? { startSeconds } : {}),
      ...startsAtOf(talk.startsAt),
    });
  }
  return { ok: true, file: { event, speakers, talks } };
}

/** A talk's time as the catalogue gives it, when it is an ISO 8601 date and time. */
function startsAtOf(value: unknown): { startsAt?: string } {
  const given = typeof value === 'string' ? value.trim() : '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(given) && given.length <= 40 && !Number.isNaN(Date.parse(given))
    ? { startsAt: given }
    : {};
}

// A summary is a few sentences; a file may carry megabytes in one.
const MAX_SUMMARY_LENGTH = 1_000;
const MAX_SUBJECTS = 12;
const MAX_SUBJECT_LENGTH = 60;
// Words in most YouTube titles: a subject such as "video" would open the panel gate on nearly every watch page.
const COMMON_WORDS = new Set(
  'a an and the of in on at to for with from by how what why when who is are be your you we our my new live video videos talk talks official full tutorial review news music episode part intro introduction keynote conference session demo stream shorts update'.split(
    ' ',
  ),
);

/**
 * The names that make a YouTube title "plainly about" a catalogue's talks, bounded: a file declaring thousands, or
 * "video", would have the panel read cards on every watch page. Distinct, at most 60 characters, at least three
 * letters, not a common word, twelve at most.
 */
function boundedSubjects(values: readonly unknown[]): string[] {
  const subjects: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const subject = clean(value);
    const words = tokenize(subject);
    const key = words.join(' ');
    if (subject.length > MAX_SUBJECT_LENGTH || key.replaceAll(' ', '').length < 3 || seen.has(key)) continue;
    if (words.every((word) => COMMON_WORDS.has(word) || /^\d+$/.test(word))) continue;
    seen.add(key);
    subjects.push(subject);
    if (subjects.length === MAX_SUBJECTS) break;
  }
  return subjects;
}
