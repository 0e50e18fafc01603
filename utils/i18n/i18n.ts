import { browser } from 'wxt/browser';
import { megabytesIn } from './numbers';
import { type MessageKey, type PluralBase, pluralKey } from './plurals';

export type { MessageKey, PluralBase } from './plurals';

/** Made on first use: WXT imports entrypoints at build time, where the i18n API does not exist. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * A sentence for the user, not yet in words: pure modules return these so they stay free of browser APIs, and
 * views put them into the user's language with `say`.
 */
export type Message = readonly [key: MessageKey, ...substitutions: string[]];

/** The message in the browser's language, `$1`…`$9` filled in. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(isolate)) || key;
}

// First-strong isolate … pop directional isolate: the text inside is laid out by its own first strong letter.
const FSI = '\u2068';
const PDI = '\u2069';
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A query, title or number set into a sentence of the other direction ("vitess" in Arabic, an Arabic title in
 * English) is isolated, or the sentence's punctuation and digits reorder around it. Text of the sentence's own
 * direction is left as it is.
 */
function isolate(substitution: string | number): string {
  const text = String(substitution);
  const needed = messagesDirection() === 'rtl' ? /[^\s]/.test(text) : RIGHT_TO_LEFT_LETTER.test(text);
  return needed && !text.startsWith(FSI) ? `${FSI}${text}${PDI}` : text;
}

export function say(message: Message): string {
  const [key, ...substitutions] = message;
  return t(key, ...substitutions);
}

/**
 * The language and direction of the messages the browser actually serves. Not the browser's UI language: with
 * no Talkmark messages for it (a Hebrew browser, say) the English ones are shown, and they must read left to right.
 */
export const messagesLanguage = once((): string => browser.i18n.getMessage('locale_language') || 'en');
export const messagesDirection = once((): 'ltr' | 'rtl' =>
  browser.i18n.getMessage('locale_direction') === 'rtl' ? 'rtl' : 'ltr',
);

/** WXT types message keys from the English file; Arabic's extra plural categories are keys English lacks. */
function messageForAnyKey(key: string, substitutions: string[]): string {
  const getMessage = browser.i18n.getMessage as (key: string, substitutions: string[]) => string;
  return getMessage.call(browser.i18n, key, substitutions);
}

const pluralRules = once(() => new Intl.PluralRules(messagesLanguage()));
const numberFormat = once(() => new Intl.NumberFormat(messagesLanguage()));
const listFormat = once(() => new Intl.ListFormat(messagesLanguage(), { type: 'conjunction', style: 'long' }));

/** A number as the messages' language writes it ("1,878", "1.878", "١٬٨٧٨"). */
export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

/**
 * The sentence for `count` in the grammatical number its language uses (English one/other; Arabic zero, one,
 * two, few, many, other): one whole message per category, `$1` the count, then `substitutions` as `$2`….
 */
export function plural(base: PluralBase, count: number, ...substitutions: Array<string | number>): string {
  const formatted = [formatNumber(count), ...substitutions].map(isolate);
  const exact = messageForAnyKey(pluralKey(base, pluralRules().select(count)), formatted);
  return exact || t(`${base}_other`, ...formatted);
}

/** "A, B and C" in the messages' language, as parts, so views can render elements for the items. */
export function listParts(items: readonly string[]): Array<{ type: 'element' | 'literal'; value: string }> {
  return listFormat().formatToParts(items);
}

/** "A, B and C" in the messages' language. */
export function formatList(items: readonly string[]): string {
  return listFormat().format(items);
}

/** A size in megabytes with one decimal, as the messages' language writes it ("2.5", "2,5"). */
export function formatMegabytes(bytes: number): string {
  return megabytesIn(bytes, messagesLanguage());
}

/** Text set in the language's quotation marks (“…”, „…“, «…»). */
export function quoted(text: string): string {
  return t('quoted', text);
}

/** A date as the messages' language writes it, day month year. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(messagesLanguage(), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A moment as the messages' language writes a date and a time ("6 Dec 2026, 18:30"). */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(messagesLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Apple keyboards say ⌘ where others say Ctrl (Strg on German ones); the shortcuts accept either key. */
const onApple = once(() => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent));

/** The modifier key's name on this keyboard, in the messages' language. */
export function commandKeyName(): string {
  return onApple() ? '⌘' : t('key_ctrl');
}

/** A key combination as written on this platform: "Ctrl+S", "Strg+S", "⌘S". */
export function shortcutName(letter: string): string {
  return onApple() ? `⌘${letter}` : `${t('key_ctrl')}+${letter}`;
}

/** Sets the page's language, direction and title from the messages, before anything is drawn. */
export function localiseDocument(titleKey: MessageKey): void {
  document.documentElement.lang = messagesLanguage();
  document.documentElement.dir = messagesDirection();
  document.title = t(titleKey);
}

export function kindLabel(kind: 'keynote' | 'talk' | 'interview' | 'podcast'): string {
  return t(`kind_${kind}`);
}
