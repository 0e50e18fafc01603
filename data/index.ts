// The model: what a conference, a talk and a star are, and how the catalogue is put together and shown in lists.
// Pure: no browser API, no storage. The bundled events are a room of their own (`data/events`).
export {
  buildCatalogue,
  type Catalogue,
  describedFirst,
  eventOf,
  KIND_SEARCH_WORDS,
  speakersOf,
  talkUrl,
  topicNameIn,
} from './catalogue';
export { type Favourite, type MergeReport, readTalkSnapshot, type TalkSnapshot } from './favourite';
export * from './schema';
export * from './talk-card';
export * from './talk-filters';
export * from './validate-catalogue';
