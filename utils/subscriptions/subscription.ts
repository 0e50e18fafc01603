import type { Message } from '../i18n';

/** What a refresh found changed, counted, with the starred talks it touched named. */
export interface ChangeSummary {
  added: number;
  removed: number;
  rescheduled: number;
  /** Talks that had no recording and have one now. */
  newRecordings: number;
  /** Titles of starred talks among the changes. */
  starred: string[];
}

/** A catalogue kept fresh from an address: kept by the background in extension storage, one per catalogue. */
export interface Subscription {
  catalogueId: string;
  url: string;
  /** The one site the browser was asked for, as a match pattern (`https://fosdem.org/*`). */
  site: string;
  etag?: string;
  lastModified?: string;
  /** When it was last asked for (milliseconds), whatever the answer. */
  checkedAt?: number;
  /** When a refresh last changed the catalogue, and what it changed. */
  changedAt?: number;
  changes?: ChangeSummary;
  /** What went wrong the last time, said in one sentence; the catalogue stays as it was. */
  problem?: Message;
  /** The address now serves another conference: its name and id, which the options page offers to add. */
  otherConference?: { id: string; name: string };
  /** The person withdrew the site's permission in the browser: nothing is asked until it is given back. */
  paused?: boolean;
}

export type SubscriptionAddress = { ok: true; url: string; site: string } | { ok: false; error: Message };

/**
 * An address a person typed, as one to subscribe to: http or https only, no credentials in it, and the match
 * pattern of its one site (the browser's permission is asked for that site, never more).
 */
export function subscriptionAddress(typed: string): SubscriptionAddress {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return { ok: false, error: ['subscribe_not_address'] };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: ['subscribe_not_http'] };
  if (url.username || url.password) return { ok: false, error: ['subscribe_credentials'] };
  url.hash = '';
  return { ok: true, url: url.toString(), site: siteOf(url) };
}

/** The match pattern for an address's site: scheme and host (a port is not part of a match pattern). */
export function siteOf(address: string | URL): string {
  const url = typeof address === 'string' ? new URL(address) : address;
  return `${url.protocol}//${url.hostname}/*`;
}

/** Whether `address` is on one of the sites matched by `sites` (patterns as `siteOf` makes them). */
export function onSites(address: string, sites: readonly string[]): boolean {
  return sites.includes(siteOf(address));
}
