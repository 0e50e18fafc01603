// The person's settings, in the browser's sync storage.
export * from './settings';
