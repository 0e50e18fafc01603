// How views and the background talk: the typed protocol, who may ask what, the client views use, change signals.
export * from './ask-background';
export * from './favourites-client';
export * from './messages';
export * from './watch-storage';
