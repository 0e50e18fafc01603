/** The extension's one database. Bump the version with each new step in database.ts's `upgrade`. */
export const DATABASE_NAME = 'talkmark';
export const DATABASE_VERSION = 6;
