// The one module that knows IndexedDB: the database's schema and versions, its connection, and the stores' verbs.
export * from './catalogue-store';
export { type CatalogueRecord, connectDatabase, DATABASE_NAME, DATABASE_VERSION, isClosedConnection } from './database';
export * from './early-dictionaries';
export * from './favourites-store';
