/**
 * The catalogue's shape. One file in `data/events/` describes one conference: the event, the people who
 * spoke, and their talks. Titles, names, ids and links are facts copied exactly from the source;
 * summaries are written in our own words.
 */

export type TalkKind = 'keynote' | 'talk' | 'interview' | 'podcast';

/** Display order of kinds, used wherever talks are grouped. */
export const TALK_KINDS: readonly TalkKind[] = ['keynote', 'talk', 'interview', 'podcast'];

export interface Speaker {
  /** Stable kebab-case id, referenced by talks. */
  id: string;
  name: string;
  /** Where the source states one (imported schedules often do not). */
  organisation?: string;
  /** Only where the source states one. */
  role?: string;
  /** Names the source also uses for this person (e.g. a short first name), so search finds them. */
  aliases?: string[];
}

/** Where the facts in an event file come from. */
export interface Source {
  title: string;
  author: string;
  /** ISO date, YYYY-MM-DD. */
  published: string;
}

export interface ConferenceEvent {
  id: string;
  name: string;
  location?: string;
  /** Free text such as "November 2019", or the ISO date an imported schedule starts. */
  when?: string;
  url?: string;
  /** Where the facts come from: bundled catalogues name their source; an imported one is its own source. */
  source?: Source;
  /**
   * Names (of projects, products, companies) that, in a YouTube video's title, plainly mean the video is about
   * this event's subjects, so the YouTube panel offers these talks there. Keep it to distinctive names:
   * "Vitess" yes, "Kubernetes" no (most Kubernetes videos are not about these talks).
   */
  subjects: string[];
  /** The words a topic slug stands for, where the source names it ("Ethics, Society & Politics"). */
  topicNames?: Record<string, string>;
}

export interface Talk {
  /** Stable kebab-case id: favourites refer to talks by it, so never rename one. */
  id: string;
  eventId: string;
  kind: TalkKind;
  title: string;
  speakerIds: string[];
  /** Lower-case kebab-case subjects, e.g. `vitess`, `geo-partitioning`. */
  topics: string[];
  /** In our own words for bundled talks; an imported talk's is its schedule's abstract as plain text. */
  summary?: string;
  /** The talk's page, exactly as the source gives it. */
  link?: string;
  /** A recording that is not on YouTube (video.fosdem.org, media.ccc.de), exactly as the source gives it. */
  watchUrl?: string;
  /** The YouTube video, for talks that have one: 11 characters of [A-Za-z0-9_-]. */
  videoId?: string;
  /** Where the talk starts inside the video, when it is one segment of a longer recording. */
  startSeconds?: number;
  /** When the talk is (was) given, as its schedule says: ISO 8601. A refresh names a talk whose time changed. */
  startsAt?: string;
}

/** The content of one file in `data/events/`. */
export interface EventFile {
  event: ConferenceEvent;
  speakers: Speaker[];
  talks: Talk[];
}
