import { browser } from '#imports';
import type english from '../public/_locales/en/messages.json';

/** A key of `public/_locales/en/messages.json`; a new language is a new folder beside it. */
export type MessageKey = keyof typeof english;

/**
 * A sentence for the user, not yet in words: pure modules return these so they stay free of browser APIs, and
 * views put them into the user's language with `say`.
 */
export type Message = readonly [key: MessageKey, ...substitutions: string[]];

/** The message in the browser's language, `$1`…`$9` filled in. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

export function say(message: Message): string {
  const [key, ...substitutions] = message;
  return t(key, ...substitutions);
}

export function kindLabel(kind: 'keynote' | 'talk' | 'interview' | 'podcast'): string {
  return t(`kind_${kind}`);
}
