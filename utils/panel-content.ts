import type { Catalogue } from '../data/catalogue';
import type { Talk } from '../data/schema';
import { type RelatedTalk, rankRelatedTalks, talksForVideoTitle } from './related-talks';

/** What the YouTube panel shows: a catalogue talk and its relations, or talks a non-catalogue video is about. */
export type PanelContent =
  | { kind: 'talk'; talk: Talk; related: RelatedTalk[] }
  | { kind: 'about'; related: RelatedTalk[] };

/** The catalogue talk with this video id, with its related talks; undefined when the video is not one. */
export function panelForCatalogueVideo(videoId: string, from: Catalogue): PanelContent | undefined {
  const talk = from.talksByVideoId.get(videoId);
  return talk ? { kind: 'talk', talk, related: rankRelatedTalks(talk, from) } : undefined;
}

/** For any other video: the talks its title is plainly about, or undefined (show nothing). */
export function panelForVideoTitle(title: string, from: Catalogue): PanelContent | undefined {
  const related = talksForVideoTitle(title, from);
  return related.length > 0 ? { kind: 'about', related } : undefined;
}
