// Related talks: one ranking for a small catalogue (every talk weighed) and one by position for a large one, fed
// by a source that is either the whole catalogue in memory or a woken worker's stored indexes; and which talks a
// video's title is plainly about.
export * from './at-scale';
export * from './memory-source';
export * from './ranking';
export * from './reasons';
export * from './related-index';
export * from './stored-source';
export * from './subjects';
export * from './title-about';
