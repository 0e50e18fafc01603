import { formatList, type Message } from '../i18n';

/** Why a talk is related, as the panel says it: shared speakers (by name), then its two weightiest shared topics. */
export function relatedReasons(sharedSpeakerNames: readonly string[], sharedTopics: readonly string[]): Message[] {
  const reasons: Message[] = [
    ...(sharedSpeakerNames.length ? [['reason_also_by', formatList(sharedSpeakerNames)] as const] : []),
    ...(sharedTopics.length ? [['reason_also_about', formatList(sharedTopics.slice(0, 2))] as const] : []),
  ];
  return reasons.length ? reasons : [['reason_similar']];
}

/** Why a talk is plainly what a video is about: the speakers it names, its subjects, the organisations. */
export function aboutReasons(
  speaking: readonly string[],
  topics: readonly string[],
  sharedWords: readonly string[],
  organisations: readonly string[],
): Message[] {
  return [
    ...(speaking.length ? [['reason_speaks', formatList(speaking)] as const] : []),
    ...(topics.length ? [['reason_about', formatList(topics.slice(0, 2))] as const] : []),
    ...(!speaking.length && !topics.length && sharedWords.length
      ? [['reason_about', formatList(sharedWords.slice(0, 2))] as const]
      : []),
    ...(organisations.length ? [['reason_from', formatList(organisations)] as const] : []),
  ];
}
