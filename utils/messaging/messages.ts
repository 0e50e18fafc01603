import type { Favourite, FilterChoices, MergeReport, TalkFilters, TalkPage, TalkQuery } from '../../data';
import { TALK_KINDS } from '../../data';
import type { Message } from '../i18n';
import type { WatchState } from '../marks';
import type { PanelContent } from '../panel';
import type { Subscription } from '../subscriptions';

/**
 * Everything a view (popup, YouTube panel) asks of the background, which owns the favourites database and the
 * catalogue's rankings. Content scripts run in YouTube's origin, where IndexedDB would be YouTube's, so they ask.
 */
export type Request =
  | { type: 'panel/for-video'; videoId: string; title?: string; waitForRelated?: boolean }
  | ({ type: 'talks/search' } & TalkQuery)
  | { type: 'talks/choices' }
  | { type: 'favourites/list' }
  /** Whether one talk is starred: answered from the favourites alone, never waiting for the catalogue. */
  | { type: 'favourites/has'; talkId: string }
  | { type: 'favourites/set'; talkId: string; starred: boolean; write?: WriteStamp }
  /** The YouTube panel's star: only for the talk its panel was given, answered with that star's state alone. */
  | { type: 'panel/star'; talkId: string; starred: boolean; write?: WriteStamp }
  | { type: 'favourites/import'; text: string }
  /** How far the talk on a watch page has played (content script, for the talk its panel was given). */
  | { type: 'progress/save'; talkId: string; position: number; duration: number }
  /** A talk marked watched or unwatched by hand (the panel, the popup). */
  | { type: 'progress/mark'; talkId: string; watched: boolean }
  /** Every talk's watch state (the popup's progress bars and resume positions). */
  | { type: 'progress/list' }
  /** Forgets how far every talk was watched (the options page), here and, through sync, everywhere. */
  | { type: 'progress/clear' }
  /** Subscribes to a schedule by address (the options page, once the browser allowed its site). */
  | { type: 'subscriptions/add'; url: string }
  /** Checks a subscribed catalogue for changes now. */
  | { type: 'subscriptions/refresh'; catalogueId: string }
  /** Stops checking a catalogue (it stays); releases its site unless another subscription uses it. */
  | { type: 'subscriptions/remove'; catalogueId: string }
  /** The address now serves another conference: subscribes to that one as its own catalogue. */
  | { type: 'subscriptions/adopt'; catalogueId: string };

/**
 * A view's numbered write: the view's id (one per page load) and the write's number, rising with each write the
 * view makes. A repeated or older write is not applied over a newer one from the same view.
 */
export interface WriteStamp {
  view: string;
  seq: number;
}

/** What each request answers when it succeeds. */
export interface ResponseValues {
  'panel/for-video': PanelContent | null;
  'talks/search': TalkPage;
  'talks/choices': FilterChoices;
  'favourites/list': FavouriteEntry[];
  'favourites/has': boolean;
  'favourites/set': FavouriteEntry[];
  'panel/star': boolean;
  'progress/save': WatchState;
  'progress/mark': WatchState;
  /** `at`: when it was last saved or marked, on any of the person's browsers (milliseconds). */
  'progress/list': Record<string, WatchState & { at: number }>;
  'progress/clear': number;
  'favourites/import': MergeReport;
  'subscriptions/add': SubscribedCatalogue;
  'subscriptions/refresh': Subscription | null;
  'subscriptions/remove': true;
  'subscriptions/adopt': SubscribedCatalogue;
}

/** A catalogue just subscribed to, as the options page announces it. */
export interface SubscribedCatalogue {
  catalogueId: string;
  name: string;
  talkCount: number;
  replaced: boolean;
}

/** Where the background keeps the subscriptions (`storage.local`): the options page shows them as they change. */
export const SUBSCRIPTIONS_KEY = 'subscriptions';

/** A favourite with what views need to export it or play it, looked up in the catalogue as it is now. */
export interface FavouriteEntry extends Favourite {
  /** Absent when the talk has left the catalogue. */
  title?: string;
  videoId?: string;
}

/** A failure carries a message for the user (a key and its substitutions), put into words by the view. */
export type Response<T extends Request['type']> =
  | { ok: true; value: ResponseValues[T] }
  | { ok: false; error: Message };

/** The key the background bumps in storage.local after each change: every view, content scripts included, hears it. */
export const FAVOURITES_REVISION_KEY = 'favourites-revision';
/**
 * Bumped when watch progress changes. Apart from the favourites' key: a talk playing saves every 10 s, and the
 * YouTube tabs, which show no other talk's progress, need not wake for it.
 */
export const PROGRESS_REVISION_KEY = 'progress-revision';

/** Bumped in storage.local after a catalogue is imported or removed: the background reads the catalogues again. */
export const CATALOGUES_REVISION_KEY = 'catalogues-revision';

/** In storage.local: the sync engine's state, for the options page's Sync section (see SyncStatus). */
export const SYNC_STATUS_KEY = 'sync-status';

/** In storage.session: a query handed to the popup when the background opens it (context-menu search). */
export const PENDING_QUERY_KEY = 'pending-query';

/** Who sent a message, as the browser reports it (`runtime.MessageSender`, the fields that matter here). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** What a sender is: one of the extension's own pages, its content script in a web page, or a stranger. */
export type SenderKind = 'extension-page' | 'content-script';

/**
 * Whether `sender` may ask anything, and as what. The extension's pages (popup, options) have its origin; a
 * content script runs in a web page (YouTube's), which the page itself can reach into, so it is trusted less.
 */
export function senderKind(sender: Sender, extensionId: string, extensionOrigin: string): SenderKind | undefined {
  if (sender.id !== extensionId) return undefined;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  return sender.tab ? 'content-script' : undefined;
}

// The YouTube panel asks for its content and reads and sets its talk's star; nothing else is a content script's to
// ask (the background also checks that the star is of a talk whose panel it gave that tab).
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'panel/for-video',
  'favourites/has',
  'panel/star',
  'progress/save',
  'progress/mark',
]);

/** Whether a sender of `kind` may make `request`. */
export function mayAsk(kind: SenderKind, request: Request): boolean {
  return kind === 'extension-page' || CONTENT_SCRIPT_REQUESTS.has(request.type);
}

/** A response from the background, checked to have the shape every response has (its value is the sender's). */
export function parseResponse(
  value: unknown,
): { ok: true; value: unknown } | { ok: false; error: Message } | undefined {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return undefined;
  if (value.ok === true && 'value' in value) return { ok: true, value: value.value };
  if (value.ok === false && 'error' in value && isMessage(value.error)) return { ok: false, error: value.error };
  return undefined;
}

function isMessage(value: unknown): value is Message {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === 'string');
}

/** The request in `message`, or undefined when it is not one of ours or is malformed. */
export function parseRequest(message: unknown): Request | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'panel/for-video':
      return typeof m.videoId === 'string' &&
        m.videoId.length <= 64 &&
        (m.title === undefined || typeof m.title === 'string')
        ? {
            type: m.type,
            videoId: m.videoId,
            ...(typeof m.title === 'string' ? { title: m.title.slice(0, 500) } : {}),
            ...(m.waitForRelated === true ? { waitForRelated: true } : {}),
          }
        : undefined;
    case 'talks/search': {
      const filters = parseFilters(m.filters);
      return typeof m.query === 'string' &&
        (m.view === 'talks' || m.view === 'favourites' || m.view === 'continue') &&
        typeof m.limit === 'number' &&
        m.limit >= 0 &&
        filters
        ? { type: m.type, query: m.query.slice(0, 500), view: m.view, limit: Math.min(m.limit, 1000), filters }
        : undefined;
    }
    case 'talks/choices':
    case 'favourites/list':
      return { type: m.type };
    case 'favourites/has':
      return typeof m.talkId === 'string' && m.talkId.length <= 200 ? { type: m.type, talkId: m.talkId } : undefined;
    case 'favourites/set':
    case 'panel/star': {
      const write = parseWriteStamp(m.write);
      return typeof m.talkId === 'string' && m.talkId.length <= 200 && typeof m.starred === 'boolean'
        ? { type: m.type, talkId: m.talkId, starred: m.starred, ...(write ? { write } : {}) }
        : undefined;
    }
    case 'progress/save': {
      const seconds = (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e7;
      return typeof m.talkId === 'string' && m.talkId.length <= 200 && seconds(m.position) && seconds(m.duration)
        ? { type: m.type, talkId: m.talkId, position: m.position as number, duration: m.duration as number }
        : undefined;
    }
    case 'progress/mark':
      return typeof m.talkId === 'string' && m.talkId.length <= 200 && typeof m.watched === 'boolean'
        ? { type: m.type, talkId: m.talkId, watched: m.watched }
        : undefined;
    case 'progress/list':
    case 'progress/clear':
      return { type: m.type };
    case 'subscriptions/add':
      return typeof m.url === 'string' && m.url.length <= 2_000 ? { type: m.type, url: m.url } : undefined;
    case 'subscriptions/refresh':
    case 'subscriptions/remove':
    case 'subscriptions/adopt':
      return typeof m.catalogueId === 'string' && m.catalogueId.length <= 200
        ? { type: m.type, catalogueId: m.catalogueId }
        : undefined;
    case 'favourites/import':
      // Its size is measured here, not taken from the sender.
      return typeof m.text === 'string' ? { type: m.type, text: m.text } : undefined;
    default:
      return undefined;
  }
}

function parseWriteStamp(value: unknown): WriteStamp | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { view, seq } = value as Record<string, unknown>;
  return typeof view === 'string' && view.length <= 64 && typeof seq === 'number' && Number.isSafeInteger(seq)
    ? { view, seq }
    : undefined;
}

function parseFilters(value: unknown): TalkFilters | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const f = value as Record<string, unknown>;
  const filters: TalkFilters = {};
  for (const key of ['eventId', 'organisation', 'topic', 'speakerId'] as const) {
    const field = f[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return undefined;
    filters[key] = field;
  }
  if (f.kind !== undefined) {
    const kind = TALK_KINDS.find((known) => known === f.kind);
    if (!kind) return undefined;
    filters.kind = kind;
  }
  for (const key of ['favouritesOnly', 'hideWatched'] as const) {
    if (f[key] === undefined) continue;
    if (typeof f[key] !== 'boolean') return undefined;
    filters[key] = f[key];
  }
  return filters;
}
