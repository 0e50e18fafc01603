import { browser } from 'wxt/browser';
import { say, t } from '../i18n';
import { parseResponse, type Request, type ResponseValues } from './messages';

// The worker may be starting (Chrome wakes it for the message) or may have just been stopped mid-answer: one
// more try covers both, before telling the person.
const ATTEMPTS = 2;

let held: Promise<unknown> = Promise.resolve();

/**
 * Makes this page's requests wait until `work` settles (at most `limitMs`): the popup reads its search indexes
 * first, because a service worker woken at 50,000 talks reads them all from the same database, and both
 * would be slower.
 */
export function holdBackgroundUntil(work: Promise<unknown>, limitMs: number): void {
  held = Promise.race([work.catch(() => {}), new Promise((resolve) => setTimeout(resolve, limitMs))]);
}

/** The background answered, and refused: its sentence says why (storage full, a talk just removed). */
export class RefusedByBackground extends Error {
  constructor(
    message: string,
    /** The sentence's message key: a view may say a refusal its own way. */
    readonly key: string,
  ) {
    super(message);
  }
}

/** Sends a request to the background and returns its answer, or throws an Error whose message is for the user. */
export async function askBackground<T extends Request['type']>(
  request: Request & { type: T },
): Promise<ResponseValues[T]> {
  await held;
  let reply: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      reply = await browser.runtime.sendMessage(request);
      break;
    } catch (error) {
      // The browser's own words ("Could not establish connection. Receiving end does not exist.") go to the
      // console for whoever debugs; the person reads a sentence that says what to do.
      console.warn('Talkmark: the background did not answer', request.type, error);
      if (attempt >= ATTEMPTS) throw new Error(t('background_unreachable'));
    }
  }
  if (reply === undefined || reply === null) throw new Error(t('background_silent'));
  const response = parseResponse(reply);
  if (!response) throw new Error(t('background_silent'));
  if (!response.ok) throw new RefusedByBackground(say(response.error), response.error[0]);
  // The background answers each request type with that type's value (utils/messages.ts); only its shape was checked.
  return response.value as ResponseValues[T];
}
