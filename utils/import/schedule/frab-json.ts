import type { DraftEvent, DraftPerson, ScheduleDraft } from './draft';
import { array, record, text } from './json-values';
import type { DraftLink } from './recordings';

/**
 * A frab-compatible `schedule.json` as frab and pretalx export it: `{"schedule": {"conference": {"days":
 * [{"rooms": {"Room": [event…]}}]}}}`. Read leniently: real exports do not validate against the published
 * schema (extra keys such as `answers`, odd slugs), so only the fields Talkmark uses are looked at, and a field
 * of an unexpected type is treated as absent.
 */
export function frabJsonDraft(schedule: Record<string, unknown>): ScheduleDraft | undefined {
  const conference = record(schedule.conference);
  if (!conference || !Array.isArray(conference.days)) return undefined;
  const trackNames: Record<string, string> = {};
  for (const track of array(conference.tracks)) {
    const { name, slug } = record(track) ?? {};
    if (typeof name === 'string' && typeof slug === 'string') trackNames[slug] = name;
  }
  const events: DraftEvent[] = [];
  for (const day of conference.days) {
    const rooms = record(record(day)?.rooms);
    for (const roomEvents of Object.values(rooms ?? {})) {
      for (const item of array(roomEvents)) {
        const event = record(item);
        if (event) events.push(draftEvent(event));
      }
    }
  }
  return {
    format: 'frab-json',
    conference: {
      acronym: text(conference.acronym),
      title: text(conference.title),
      url: text(conference.url) ?? text(schedule.base_url),
      start: text(conference.start),
    },
    trackNames,
    events,
  };
}

function draftEvent(event: Record<string, unknown>): DraftEvent {
  const persons: DraftPerson[] = array(event.persons).flatMap((item) => {
    const person = record(item);
    const name = text(person?.public_name) ?? text(person?.name) ?? text(person?.full_public_name);
    return name ? [{ name }] : [];
  });
  const links: DraftLink[] = array(event.links).flatMap((item) => {
    const link = record(item);
    const url = text(link?.url) ?? text(link?.href);
    return url ? [{ url, label: text(link?.title) ?? text(link?.type) ?? '' }] : [];
  });
  return {
    guid: text(event.guid),
    id: typeof event.id === 'number' ? String(event.id) : text(event.id),
    title: text(event.title),
    subtitle: text(event.subtitle),
    track: text(event.track) ?? text(record(event.track)?.name),
    type: text(event.type),
    abstract: text(event.abstract),
    description: text(event.description),
    url: text(event.url),
    date: text(event.date),
    persons,
    links,
  };
}
