import { type Catalogue, type Talk, type TalkCard, type TalkKind, talkCard } from '../../data';
import type { Message } from '../i18n';
import {
  aboutTitleAtScale,
  memoryRankingSource,
  rankRelatedTalks,
  relatedAtPosition,
  talksForVideoTitle,
  WEIGH_ALL_UP_TO,
} from '../related';
import type { TalkSearch } from '../search';
import { parseYouTubeVideoId } from '../youtube';

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
      /** How far the talk was watched (absent when never started, or unread). */
      watch?: { position: number; duration: number; watched: boolean };
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

/**
 * The panel for a video: its catalogue talk if it is one, else (given its title) the talks it is plainly about.
 * With a search, a large catalogue's related talks are ranked by position among the ones it finds similar, as a
 * woken worker ranks them from the stored indexes.
 */
export async function panelFor(
  videoId: string,
  title: string | undefined,
  from: Catalogue,
  search?: TalkSearch,
): Promise<PanelContent | undefined> {
  const atScale = search && from.talks.length > WEIGH_ALL_UP_TO ? memoryRankingSource(from, search) : undefined;
  const talk = from.talksByVideoId.get(videoId);
  if (talk) {
    const card = talkCard(talk, from);
    const position = atScale?.positionOf(talk);
    const related = !atScale
      ? rankRelatedTalks(talk, from).map((r) => relatedOfCard(talkCard(r.talk, from), r.reasons))
      : position === undefined
        ? []
        : (await relatedAtPosition(atScale, position, card)).map((r) => relatedOfCard(r.card, r.reasons));
    return { kind: 'talk', talk: panelTalkOfCard(card), related };
  }
  if (title === undefined) return undefined;
  const about = atScale
    ? (await aboutTitleAtScale(atScale, title)).map((r) => relatedOfCard(r.card, r.reasons))
    : talksForVideoTitle(title, from).map((r) => relatedOfCard(talkCard(r.talk, from), r.reasons));
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
