import { browser } from '#imports';
import { say, t } from './i18n';
import type { Request, Response, ResponseValues } from './messages';

/** Sends a request to the background and returns its answer, or throws an Error whose message is for the user. */
export async function askBackground<T extends Request['type']>(
  request: Request & { type: T },
): Promise<ResponseValues[T]> {
  let response: Response<T> | undefined;
  try {
    response = (await browser.runtime.sendMessage(request)) as Response<T> | undefined;
  } catch (error) {
    throw new Error(t('background_unreachable', String(error)));
  }
  if (!response) throw new Error(t('background_silent'));
  if (!response.ok) throw new Error(say(response.error));
  return response.value;
}
