import type { Message } from '../i18n';

/** The validators a schedule's last answer gave, sent back so that an unchanged schedule costs one small answer. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchedSchedule =
  | { kind: 'unchanged' }
  | { kind: 'fetched'; bytes: Uint8Array; validators: Validators }
  | { kind: 'failed'; error: Message };

export interface FetchOptions {
  /** Whether the browser lets Talkmark read this address (the subscribed site, or a site it redirects to). */
  allowed(address: string): Promise<boolean>;
  /** False when the browser knows it is offline. */
  online(): boolean;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** A schedule server that has not answered in this long is not going to. */
export const FETCH_TIMEOUT_MS = 30_000;

/**
 * Asks for a schedule at `url`: without cookies or credentials, conditionally when validators are known, and
 * reading at most `maxBytes`. Every way it can fail becomes one sentence; nothing is half-read into a catalogue.
 */
export async function fetchSchedule(url: string, known: Validators, options: FetchOptions): Promise<FetchedSchedule> {
  const host = new URL(url).host;
  const maxBytes = options.maxBytes ?? 50_000_000;
  const failed = (...error: Message): FetchedSchedule => ({ kind: 'failed', error });
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, options.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    const ask = (redirect: RequestRedirect) =>
      (options.fetch ?? fetch)(url, {
        credentials: 'omit',
        cache: 'no-store',
        redirect,
        signal: abort.signal,
        headers: {
          ...(known.etag ? { 'If-None-Match': known.etag } : {}),
          ...(known.lastModified ? { 'If-Modified-Since': known.lastModified } : {}),
        },
      });
    const unreachable = () => {
      if (timedOut) return failed('subscription_timeout', host);
      if (!options.online()) return failed('subscription_offline', host);
      return failed('subscription_unreachable', host);
    };
    let response: Response;
    try {
      // Redirects are not followed blindly: another site is read only if the person let Talkmark read it too.
      response = await ask('manual');
    } catch {
      return unreachable();
    }
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400 && response.status !== 304)
    ) {
      // Node says where; a browser hides it (an opaque redirect), and a site not allowed then fails to load.
      const location = response.headers.get('location');
      const target = location ? new URL(location, url) : undefined;
      if (target && target.host !== host && !(await options.allowed(target.href)))
        return failed('subscription_redirect', host, target.host);
      try {
        response = await ask('follow');
      } catch {
        return timedOut || !options.online() ? unreachable() : failed('subscription_redirect_elsewhere', host);
      }
      if (new URL(response.url).host !== host && !(await options.allowed(response.url))) {
        void response.body?.cancel();
        return failed('subscription_redirect', host, new URL(response.url).host);
      }
    }
    if (response.status === 304) return { kind: 'unchanged' };
    if (response.status !== 200) {
      void response.body?.cancel();
      return failed('subscription_status', host, String(response.status));
    }
    const type = response.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/i.test(type)) {
      void response.body?.cancel();
      return failed('subscription_html', host);
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      void response.body?.cancel();
      return failed('subscription_too_big', host);
    }
    const read = await readCapped(response, maxBytes);
    if (read === 'too-big') return failed('subscription_too_big', host);
    if (read === 'cut') return failed(timedOut ? 'subscription_timeout' : 'subscription_truncated', host);
    // (A compressed answer's length is of the compressed bytes: only a plain one can be checked.)
    const plain = !response.headers.get('content-encoding');
    if (plain && Number.isFinite(declared) && read.length !== declared) return failed('subscription_truncated', host);
    // A web page served as something else (a sign-in page with a wrong type).
    const head = new TextDecoder().decode(read.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return failed('subscription_html', host);
    return {
      kind: 'fetched',
      bytes: read,
      validators: {
        ...(response.headers.get('etag') ? { etag: response.headers.get('etag') as string } : {}),
        ...(response.headers.get('last-modified')
          ? { lastModified: response.headers.get('last-modified') as string }
          : {}),
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The whole body, or why not: more than `maxBytes` (reading stops there), or the connection ended early. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | 'too-big' | 'cut'> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        void reader.cancel();
        return 'too-big';
      }
      chunks.push(value);
    }
  } catch {
    return 'cut';
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
