// Search: our index (its layout, build, query and stored form), the talk search over one or more indexes, the
// stored search a popup or a woken worker reads chunk by chunk, and what lists and the address bar show for a query.
export * from './find-talks';
export * from './omnibox';
export * from './stored-search';
export * from './talk-search';
export * from './term-index/build';
export * from './term-index/layout';
export * from './term-index/query';
export * from './term-index/stored';
export { boundedEditDistance } from './term-index/typos';
