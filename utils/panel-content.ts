import type { Catalogue } from '../data/catalogue';
import type { Talk, TalkKind } from '../data/schema';
import type { Message } from './i18n';
import { RelatedNeighbours, relatedIndexOf } from './related-index';
import {
  namedInTitle,
  type RankedTalk,
  type RelatedTalk,
  rankRelatedByPosition,
  rankRelatedTalks,
  rankTitleCandidates,
  relatedReasons,
  type SimilarTalk,
  talksForVideoTitle,
  titleCandidates,
  WEIGH_ALL_UP_TO,
} from './related-talks';
import type { TalkSearch } from './search';
import { type TalkCard, talkCard } from './talk-results';
import { parseYouTubeVideoId } from './youtube-url';

/**
 * What the YouTube panel shows, ready to render and to send between contexts: the background works it out from
 * the catalogue, so the content script (loaded on every YouTube page) carries neither the catalogue nor ranking.
 */
export type PanelContent =
  | {
      kind: 'talk';
      talk: PanelTalk;
      related: PanelRelated[];
      /**
       * The talk is shown before the related talks are known: a woken service worker reads this talk alone
       * first, then the catalogue the ranking needs. The panel asks again, with `waitForRelated`.
       */
      relatedPending?: boolean;
      /** Whether the talk is starred, as the favourites said when the panel was asked (absent if unread). */
      starred?: boolean;
    }
  | { kind: 'about'; related: PanelRelated[] };

export interface PanelTalk {
  id: string;
  title: string;
  kind: TalkKind;
  eventName: string;
  /** "Name (Organisation, Role)" for each speaker. */
  /** Name, then organisation and role when the catalogue has them (imported speakers often come without). */
  speakers: Array<[name: string, ...about: string[]]>;
  startSeconds?: number;
}

export interface PanelRelated {
  id: string;
  title: string;
  kind: TalkKind;
  speakerNames: string[];
  /** Absent when the source gives neither a recording nor a page for it. */
  url?: string;
  /** Opens outside YouTube (an interview's page), so in a new tab. */
  external: boolean;
  reasons: Message[];
}

// How many talks the search proposes as similar, for the ranking to weigh among the ones sharing speakers or topics.
export const SIMILAR_CANDIDATES = 50;

/**
 * The panel for a video: its catalogue talk if it is one, else (given its title) the talks it is plainly about.
 * With a search, a large catalogue's related talks are weighed among the ones it finds similar.
 */
export function panelFor(
  videoId: string,
  title: string | undefined,
  from: Catalogue,
  search?: TalkSearch,
): PanelContent | undefined {
  const talk = from.talksByVideoId.get(videoId);
  if (talk)
    return {
      kind: 'talk',
      talk: panelTalk(talk, from),
      related:
        search && from.talks.length > WEIGH_ALL_UP_TO
          ? relatedAtScale(talk, from, search)
          : rankRelatedTalks(talk, from).map((r) => related(r, from)),
    };
  if (title === undefined) return undefined;
  const about =
    search && from.talks.length > WEIGH_ALL_UP_TO
      ? aboutAtScale(title, from, search)
      : talksForVideoTitle(title, from).map((r) => related(r, from));
  return about.length > 0 ? { kind: 'about', related: about } : undefined;
}

export function panelTalk(talk: Talk, from: Catalogue): PanelTalk {
  return panelTalkOfCard(talkCard(talk, from));
}

/** The panel's view of a talk from its card (what lists show, with the speakers' roles). */
export function panelTalkOfCard(card: TalkCard): PanelTalk {
  return {
    id: card.id,
    title: card.title,
    kind: card.kind,
    eventName: card.eventName,
    speakers: card.speakers.map((speaker) => [
      speaker.name,
      ...[speaker.organisation, speaker.role].filter((about): about is string => !!about),
    ]),
    ...(card.startSeconds ? { startSeconds: card.startSeconds } : {}),
  };
}

function related({ talk, reasons }: RelatedTalk, from: Catalogue): PanelRelated {
  return relatedOfCard(talkCard(talk, from), reasons);
}

/** A related talk as the panel lists it, from its card. */
export function relatedOfCard(card: TalkCard, reasons: Message[]): PanelRelated {
  return {
    id: card.id,
    title: card.title,
    kind: card.kind,
    speakerNames: card.speakers.map((speaker) => speaker.name),
    ...(card.url ? { url: card.url } : {}),
    external: !card.url || !parseYouTubeVideoId(card.url),
    reasons,
  };
}

/** Why a talk ranked by position is related, naming the shared speakers as the talk on screen names them. */
export function reasonsOfRanked(ranked: RankedTalk, speakers: TalkCard['speakers']): Message[] {
  const names = ranked.sharedSpeakers.flatMap((id) => speakers.find((speaker) => speaker.id === id)?.name ?? []);
  return relatedReasons(names, ranked.sharedTopics);
}

interface Positions {
  neighbours: RelatedNeighbours;
  /** The talks in file order: talk p is at position p, as the stored indexes number them. */
  talks: Talk[];
  positionOf: Map<string, number>;
}
const positionsCache = new WeakMap<Catalogue, Positions>();

function positionsOf(from: Catalogue): Positions {
  let found = positionsCache.get(from);
  if (!found) {
    const talks = from.files.flatMap((file) => file.talks);
    const positionOf = new Map<string, number>();
    talks.forEach((talk, p) => {
      if (!positionOf.has(talk.id)) positionOf.set(talk.id, p);
    });
    found = {
      neighbours: new RelatedNeighbours(from.files.map((file) => relatedIndexOf(file))),
      talks,
      positionOf,
    };
    positionsCache.set(from, found);
  }
  return found;
}

/** The talks the search finds closest to `text`, by position. */
function similarByPosition(search: TalkSearch, text: string, positionOf: ReadonlyMap<string, number>): SimilarTalk[] {
  return search.similarTo(text, SIMILAR_CANDIDATES).flatMap((hit) => {
    const at = positionOf.get(hit.id);
    return at === undefined ? [] : [{ position: at, score: hit.score }];
  });
}

/** The talks a title is plainly about in a large catalogue, by position, as a woken worker finds them. */
function aboutAtScale(title: string, from: Catalogue, search: TalkSearch): PanelRelated[] {
  const { neighbours, talks, positionOf } = positionsOf(from);
  const named = namedInTitle(title, neighbours);
  if (!named) return [];
  const similar = similarByPosition(search, title, positionOf);
  const cards = new Map<number, TalkCard>();
  for (const position of titleCandidates(named, neighbours, similar)) {
    const talk = talks[position];
    if (talk) cards.set(position, talkCard(talk, from));
  }
  return rankTitleCandidates(title, named, neighbours, [...cards.keys()], (position) => cards.get(position)).flatMap(
    ({ position, reasons }) => {
      const card = cards.get(position);
      return card ? [relatedOfCard(card, reasons)] : [];
    },
  );
}

/** A large catalogue's related talks, ranked by position as a woken worker ranks them from its stored indexes. */
function relatedAtScale(talk: Talk, from: Catalogue, search: TalkSearch): PanelRelated[] {
  const { neighbours, talks, positionOf } = positionsOf(from);
  const position = positionOf.get(talk.id);
  if (position === undefined) return [];
  const similar = similarByPosition(search, talk.title, positionOf);
  const speakers = talkCard(talk, from).speakers;
  return rankRelatedByPosition(position, neighbours, similar).flatMap((ranked) => {
    const other = talks[ranked.position];
    return other ? [relatedOfCard(talkCard(other, from), reasonsOfRanked(ranked, speakers))] : [];
  });
}
