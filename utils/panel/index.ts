// The YouTube panel's content, worked out by the background: which videos may have one, and what it shows.
export * from './catalogue-keys';
export * from './panel-content';
