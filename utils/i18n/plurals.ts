import type english from '../../public/_locales/en/messages.json';

/** A key of `public/_locales/en/messages.json`; a new language is a new folder beside it. */
export type MessageKey = keyof typeof english;

/** A message said differently by count: `<base>_one`, `<base>_other`, and whatever else its language needs. */
export type PluralBase = {
  [Key in MessageKey]: Key extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * The message key for one plural category. English has only `one` and `other`; languages with more categories
 * (Arabic's zero, two, few, many) add keys that English lacks, so the result is not always a `MessageKey`.
 */
export function pluralKey(base: PluralBase, category: Intl.LDMLPluralRule): string {
  return `${base}_${category}`;
}
