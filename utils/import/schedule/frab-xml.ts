import { SaxesParser } from 'saxes';
import type { Message } from '../../i18n';
import { messageOf } from '../../i18n';
import { quoteFromFile } from '../../text';
import type { DraftEvent, ScheduleDraft } from './draft';

export type ParsedDraft = { ok: true; draft: ScheduleDraft } | { ok: false; error: Message };

// Fed to the parser in slices, so progress can be reported and a worker stays responsive to its page.
const SLICE = 1 << 20;

// Elements of <event> read as plain text; everything else (rooms, times, attachments…) is not kept.
const EVENT_TEXT = new Set(['title', 'subtitle', 'track', 'type', 'abstract', 'description', 'url', 'date']);
const CONFERENCE_TEXT = new Set(['acronym', 'title', 'url', 'start', 'city', 'venue']);

/**
 * A frab / pentabarf `schedule.xml` (FOSDEM, CCC congresses, pretalx): `<schedule><conference>…<day><room>
 * <event guid>`. XML that declares entities is refused outright: schedules never need them, and declared
 * entities are how "billion laughs" bombs and external-entity reads are built. saxes itself expands no
 * entity beyond XML's five and character references.
 */
export function parseFrabXml(text: string, onProgress: (fraction: number) => void = () => {}): ParsedDraft {
  const fail = (...error: Message): ParsedDraft => ({ ok: false, error });
  const draft: ScheduleDraft = { format: 'frab-xml', conference: {}, trackNames: {}, events: [] };
  const path: string[] = [];
  let buffer = '';
  let event: DraftEvent | undefined;
  let link: { url: string; title?: string; type?: string } | undefined;
  let declaresEntities = false;
  let root: string | undefined;

  const parser = new SaxesParser({ position: true });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) declaresEntities = true;
  });
  parser.on('opentag', (tag) => {
    if (declaresEntities) throw new EntitiesDeclared();
    root ??= tag.name;
    const parent = path.at(-1);
    path.push(tag.name);
    buffer = '';
    // Without the xmlns option, saxes gives attributes as plain strings.
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'event' && parent === 'room') {
      event = { persons: [], links: [], guid: attributes.guid, id: attributes.id };
    } else if (tag.name === 'link' && event) {
      link = { url: attributes.href ?? '' };
    } else if (tag.name === 'track' && parent === 'conference' && attributes.name) {
      const slug = attributes.slug;
      // Set in place: a copy per track would take time quadratic in the tracks a file lists.
      if (slug) {
        draft.trackNames ??= Object.create(null) as Record<string, string>;
        draft.trackNames[slug] = attributes.name;
      }
    }
  });
  parser.on('text', (chunk) => {
    buffer += chunk;
  });
  parser.on('cdata', (chunk) => {
    buffer += chunk;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    const parent = path.at(-1);
    const value = buffer;
    buffer = '';
    if (event) {
      if (tag.name === 'event') {
        draft.events.push(event);
        event = undefined;
      } else if (link) {
        if (tag.name === 'link') {
          event.links.push({ url: link.url, label: link.title ?? link.type ?? value });
          link = undefined;
        } else if (tag.name === 'title') link.title = value;
        else if (tag.name === 'type') link.type = value;
      } else if (tag.name === 'person' && parent === 'persons') event.persons.push({ name: value });
      else if (parent === 'event' && EVENT_TEXT.has(tag.name)) {
        (event as unknown as Record<string, string>)[tag.name] = value;
      }
    } else if (parent === 'conference' && CONFERENCE_TEXT.has(tag.name)) {
      const field = tag.name === 'venue' ? 'city' : (tag.name as 'acronym' | 'title' | 'url' | 'start' | 'city');
      draft.conference[field] ??= value;
    }
  });

  try {
    for (let offset = 0; offset < text.length; offset += SLICE) {
      parser.write(text.slice(offset, offset + SLICE));
      onProgress(Math.min(1, (offset + SLICE) / text.length));
      if (root !== undefined && root !== 'schedule') return fail('import_xml_not_schedule', quoteFromFile(root));
    }
    parser.close();
  } catch (error) {
    if (error instanceof EntitiesDeclared || declaresEntities) return fail('import_xml_entities');
    const reason = messageOf(error);
    if (/undefined entity/i.test(reason)) return fail('import_xml_entities');
    return fail('import_xml_damaged', String(parser.line));
  }
  if (declaresEntities) return fail('import_xml_entities');
  if (root !== 'schedule') return fail('import_xml_not_schedule', quoteFromFile(root ?? ''));
  return { ok: true, draft };
}

class EntitiesDeclared extends Error {}
