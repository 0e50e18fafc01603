// What comes in from files: schedules (every format, all or nothing), favourites files, what an import stores,
// and the options page ⇄ import worker protocol.
export * from './favourites-file';
export * from './import-protocol';
export { decodeSchedule } from './schedule/decode';
export * from './schedule/parse-schedule';
export { plainText, shorten } from './schedule/plain-text';
export { isRecordingLabel, recordingOf } from './schedule/recordings';
export * from './schedule/talkmark-json';
export * from './stored-parts';
