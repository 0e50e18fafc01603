// Every word a person reads: messages in the browser's language, plurals, lists, numbers, dates, times.
export * from './error-message';
export * from './format-timestamp';
export * from './i18n';
export * from './numbers';
export { pluralKey } from './plurals';
