import type { ConferenceEvent, EventFile, Speaker, Talk } from './schema';
import { TALK_KINDS } from './schema';

/** Every talk we know, with the people and events they refer to, ready for lookups. */
export interface Catalogue {
  /** The event files it is made of, in order: their talks in this order are what indexes number (documents). */
  files: readonly EventFile[];
  /** Keynotes first, then talks, interviews and podcasts; within a kind, the order of the event files. */
  talks: readonly Talk[];
  talksById: ReadonlyMap<string, Talk>;
  talksByVideoId: ReadonlyMap<string, Talk>;
  speakers: ReadonlyMap<string, Speaker>;
  events: ReadonlyMap<string, ConferenceEvent>;
}

/**
 * One catalogue from several event files (the bundled ones first, then imported ones). A speaker who appears in
 * several files is one person: the first description wins, and later files only fill in what it lacks. A video
 * belongs to the first talk that names it.
 */
export function buildCatalogue(files: readonly EventFile[]): Catalogue {
  const talks = files
    .flatMap((file) => file.talks)
    .map((talk, index) => ({ talk, index }))
    .sort((a, b) => TALK_KINDS.indexOf(a.talk.kind) - TALK_KINDS.indexOf(b.talk.kind) || a.index - b.index)
    .map(({ talk }) => talk);
  const talksByVideoId = new Map<string, Talk>();
  for (const file of files) {
    for (const talk of file.talks)
      if (talk.videoId && !talksByVideoId.has(talk.videoId)) talksByVideoId.set(talk.videoId, talk);
  }
  const speakers = new Map<string, Speaker>();
  for (const speaker of files.flatMap((file) => file.speakers))
    speakers.set(speaker.id, describedFirst(speakers.get(speaker.id), speaker));
  return {
    files,
    talks,
    talksById: new Map(talks.map((talk) => [talk.id, talk])),
    talksByVideoId,
    speakers,
    events: new Map(files.map((file) => [file.event.id, file.event])),
  };
}

/** One person described twice: the first description wins, and the later one only fills in what it lacks. */
export function describedFirst(first: Speaker | undefined, later: Speaker): Speaker {
  return first ? { ...later, ...first } : later;
}

// The catalogue is always passed in: the bundled events alone would silently leave out every imported speaker.
export function speakersOf(talk: Talk, from: Catalogue): Speaker[] {
  return talk.speakerIds.flatMap((id) => from.speakers.get(id) ?? []);
}

export function eventOf(talk: Talk, from: Catalogue): ConferenceEvent | undefined {
  return from.events.get(talk.eventId);
}

/** A topic as people read it: the first event that names it, else its slug's words ("ethics society politics"). */
export function topicNameIn(slug: string, events: Iterable<ConferenceEvent>): string {
  for (const event of events) {
    const name = event.topicNames?.[slug];
    if (name) return name;
  }
  return slug.replaceAll('-', ' ');
}

/**
 * Where opening a talk takes the user: its YouTube video (at the talk's start), else its recording elsewhere,
 * else the talk's page; undefined when the source gives none of them.
 */
export function talkUrl(talk: Talk): string | undefined {
  if (!talk.videoId) return talk.watchUrl ?? talk.link;
  const start = talk.startSeconds ? `&t=${talk.startSeconds}` : '';
  return `https://www.youtube.com/watch?v=${talk.videoId}${start}`;
}

/** The words each kind is found by in search (the catalogue is in English); views show `kind_*` messages. */
export const KIND_SEARCH_WORDS: Readonly<Record<Talk['kind'], string>> = {
  keynote: 'Keynote',
  talk: 'Talk',
  interview: 'Interview',
  podcast: 'Podcast',
};
