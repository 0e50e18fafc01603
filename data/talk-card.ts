import { type Catalogue, eventOf, speakersOf, talkUrl } from './catalogue';
import type { TalkSnapshot } from './favourite';
import type { Speaker, Talk, TalkKind } from './schema';
import type { TalkFilters } from './talk-filters';

/** A talk as a list shows it: plain data, so the background can send it to any view. */
export interface TalkCard {
  id: string;
  kind: TalkKind;
  title: string;
  /** `role` is for the YouTube panel, which shows it; lists show the organisation only. */
  speakers: Array<{ id: string; name: string; organisation?: string; role?: string }>;
  eventName: string;
  startSeconds?: number;
  /** Where opening it goes; absent when the source gives no recording and no page. */
  url?: string;
}

export interface TalkRow {
  id: string;
  /** Absent for a favourite whose talk has left the catalogue. */
  talk?: TalkCard;
  /** Matched words to highlight. */
  terms: string[];
  starredAt?: number;
}

/** The popup's tabs: every talk, the starred ones, and the ones started and not finished. */
export type View = 'talks' | 'favourites' | 'continue';

export interface TalkQuery {
  query: string;
  filters: TalkFilters;
  view: View;
  /** How many rows to send; `total` still counts them all. */
  limit: number;
}

export interface TalkPage {
  rows: TalkRow[];
  /** Every talk that matches, filters applied, not only the rows sent. */
  total: number;
}

/** A speaker as a card shows them. */
export function cardSpeaker({ id, name, organisation, role }: Speaker): TalkCard['speakers'][number] {
  return { id, name, ...(organisation ? { organisation } : {}), ...(role ? { role } : {}) };
}

export function talkCard(talk: Talk, from: Catalogue): TalkCard {
  const url = talkUrl(talk);
  return {
    id: talk.id,
    kind: talk.kind,
    title: talk.title,
    speakers: speakersOf(talk, from).map(cardSpeaker),
    eventName: eventOf(talk, from)?.name ?? '',
    ...(talk.startSeconds ? { startSeconds: talk.startSeconds } : {}),
    ...(url ? { url } : {}),
  };
}

/** What a star keeps of its talk: enough to show it and open it where no catalogue has the talk. */
export function talkSnapshot(talk: Talk, from: Catalogue): TalkSnapshot {
  const eventName = eventOf(talk, from)?.name;
  const speakers = speakersOf(talk, from).map((speaker) => speaker.name);
  return {
    title: talk.title,
    ...(eventName ? { eventName } : {}),
    ...(speakers.length ? { speakers } : {}),
    ...(talk.videoId ? { videoId: talk.videoId } : talk.watchUrl ? { watchUrl: talk.watchUrl } : {}),
    ...(talk.startSeconds ? { startSeconds: talk.startSeconds } : {}),
  };
}

/** The card of a starred talk no catalogue has, from what its star kept. */
export function cardOfSnapshot(talkId: string, snapshot: TalkSnapshot): TalkCard {
  const url = snapshot.videoId
    ? `https://www.youtube.com/watch?v=${snapshot.videoId}${snapshot.startSeconds ? `&t=${snapshot.startSeconds}` : ''}`
    : snapshot.watchUrl;
  return {
    id: talkId,
    kind: 'talk',
    title: snapshot.title,
    speakers: (snapshot.speakers ?? []).map((name) => ({ id: name, name })),
    eventName: snapshot.eventName ?? '',
    ...(snapshot.startSeconds ? { startSeconds: snapshot.startSeconds } : {}),
    ...(url ? { url } : {}),
  };
}
