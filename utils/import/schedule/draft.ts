import type { ConferenceEvent, EventFile, Speaker, Talk, TalkKind } from '../../../data';
import { tokenize } from '../../text';
import { plainText, shorten } from './plain-text';
import { type DraftLink, recordingOf } from './recordings';

/** The formats a schedule file can be in; each is recognised by its content, never by its name. */
export type CatalogueFormat = 'frab-xml' | 'frab-json' | 'sessionize-json' | 'talkmark-json';

/**
 * What every schedule format says about a conference, before it becomes a catalogue: the formats differ in
 * syntax, not in substance, so each parser fills this in and one function turns it into talks.
 */
export interface ScheduleDraft {
  format: CatalogueFormat;
  /**
   * `id`: what identifies the conference when the file names it nowhere (Sessionize): taken from the content, so
   * that two events downloaded under one file name stay two, and a re-download under another name replaces.
   */
  conference: { id?: string; acronym?: string; title?: string; url?: string; start?: string; city?: string };
  /** Track slug → the track's name, where the file lists its tracks. */
  trackNames?: Record<string, string>;
  events: DraftEvent[];
}

export interface DraftEvent {
  /** frab's `guid`: stable across every export of the same schedule. */
  guid?: string;
  /** The schedule's own id (numeric in frab, Sessionize's session id). */
  id?: string;
  title?: string;
  subtitle?: string;
  track?: string;
  type?: string;
  abstract?: string;
  description?: string;
  url?: string;
  /** When it starts: frab's `date`, Sessionize's `startsAt`. */
  date?: string;
  persons: DraftPerson[];
  links: DraftLink[];
}

export interface DraftPerson {
  name: string;
  organisation?: string;
  role?: string;
}

/** What an import makes, and what it had to leave out (said to the user). */
export interface ImportedCatalogue {
  /** Also the event's id: importing the same conference again replaces it. */
  id: string;
  format: CatalogueFormat;
  file: EventFile;
  skipped: { untitled: number; repeated: number };
}

/** More than any real conference; a file with more talks is refused rather than half-read. */
export const MAX_TALKS_PER_CATALOGUE = 60_000;

// Imported abstracts are the conference's text, not ours: a short plain-text excerpt is enough to search and to
// recognise a talk, and keeps 50,000 talks small in memory and storage.
const SUMMARY_LENGTH = 280;

/** Words joined by hyphens: "Ethics, Society & Politics" → "ethics-society-politics". Any script is kept. */
export function slugOf(text: string): string {
  return tokenize(text).join('-');
}

/**
 * The catalogue a schedule describes. Talk ids are `<conference>/<guid or id>` so they stay the same across
 * re-imports; speaker ids are their names' slugs, so one person at two conferences (or in the bundled
 * catalogue) is one speaker.
 */
export function catalogueFromDraft(draft: ScheduleDraft, fallbackName: string): ImportedCatalogue | undefined {
  const name = clean(draft.conference.title) || clean(draft.conference.acronym) || clean(fallbackName);
  const id = slugOf(clean(draft.conference.id) || clean(draft.conference.acronym) || name);
  if (!id) return undefined;

  // Keys come from the file: an object without a prototype, so a track called "constructor" is just a track.
  const topicNames: Record<string, string> = Object.assign(Object.create(null), draft.trackNames);
  const speakers = new Map<string, Speaker>();
  const talks: Talk[] = [];
  const seen = new Set<string>();
  const skipped = { untitled: 0, repeated: 0 };

  for (const [position, event] of draft.events.entries()) {
    const title = clean(event.title);
    if (!title) {
      skipped.untitled++;
      continue;
    }
    const key = clean(event.guid) || clean(event.id) || `${position + 1}`;
    if (seen.has(key)) {
      skipped.repeated++;
      continue;
    }
    seen.add(key);

    // A set, not a list searched per person: a file controls how many persons an event names.
    const speakerIds = new Set<string>();
    for (const person of event.persons) {
      const personName = clean(person.name);
      const speakerId = slugOf(personName);
      if (!speakerId || speakerIds.has(speakerId)) continue;
      speakerIds.add(speakerId);
      const known = speakers.get(speakerId);
      const organisation = clean(person.organisation) || known?.organisation;
      const role = clean(person.role) || known?.role;
      speakers.set(speakerId, {
        id: speakerId,
        name: known?.name ?? personName,
        ...(organisation ? { organisation } : {}),
        ...(role ? { role } : {}),
      });
    }

    const track = clean(event.track);
    const topic = track ? slugOf(track) : '';
    if (topic && !Object.hasOwn(topicNames, topic)) topicNames[topic] = track;

    const recording = recordingOf(event.links);
    const abstract = plainText(event.abstract ?? '') || plainText(event.description ?? '');
    const subtitle = clean(event.subtitle);
    const summary = shorten([subtitle, abstract].filter(Boolean).join(' — '), SUMMARY_LENGTH);
    const link = httpLink(event.url);
    const startsAt = scheduleTime(event.date);
    talks.push({
      id: `${id}/${key}`,
      eventId: id,
      kind: kindOf(event.type),
      title,
      speakerIds: [...speakerIds],
      topics: topic ? [topic] : [],
      ...(summary ? { summary } : {}),
      ...(link ? { link } : {}),
      ...(recording.videoId ? { videoId: recording.videoId } : {}),
      ...(recording.watchUrl ? { watchUrl: recording.watchUrl } : {}),
      ...(startsAt ? { startsAt } : {}),
    });
  }

  const url = httpLink(draft.conference.url);
  const city = clean(draft.conference.city);
  const start = clean(draft.conference.start).slice(0, 10);
  const event: ConferenceEvent = {
    id,
    name,
    ...(city ? { location: city } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(start) ? { when: start } : {}),
    ...(url ? { url } : {}),
    subjects: [],
    ...(Object.keys(topicNames).length ? { topicNames: { ...topicNames } } : {}),
  };
  return { id, format: draft.format, file: { event, speakers: [...speakers.values()], talks }, skipped };
}

function kindOf(type: string | undefined): TalkKind {
  const text = (type ?? '').toLowerCase();
  if (text.includes('keynote')) return 'keynote';
  if (text.includes('interview')) return 'interview';
  if (text.includes('podcast')) return 'podcast';
  return 'talk';
}

/** Trimmed, with runs of white space (line breaks in XML text) made one space. */
export function clean(text: string | undefined | null): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

/** The link as the source gives it, if it is a web link at all (a `javascript:` link is never kept). */
function httpLink(text: string | undefined): string | undefined {
  const link = clean(text);
  try {
    return /^https?:$/.test(new URL(link).protocol) ? link : undefined;
  } catch {
    return undefined;
  }
}

/** A schedule's start time as it wrote it, if it is one (ISO 8601, date and time). */
function scheduleTime(value: string | undefined): string | undefined {
  const text = clean(value);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && text.length <= 40 && !Number.isNaN(Date.parse(text))
    ? text
    : undefined;
}
