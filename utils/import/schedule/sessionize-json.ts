import type { DraftEvent, ScheduleDraft } from './draft';
import { array, record, text } from './json-values';

/**
 * Sessionize's "All data" JSON (`{sessions, speakers, categories, rooms}`) and the apps built on it, such as
 * JetBrains' KotlinConf backend: sessions name speakers by id, and a recording is `recordingUrl` (Sessionize)
 * or `videoUrl` (KotlinConf). The file names no conference: the catalogue is named after the file, and identified
 * by its content (`contentId`), never by the file's name.
 */
export function sessionizeDraft(data: Record<string, unknown>): ScheduleDraft | undefined {
  if (!Array.isArray(data.sessions) || !Array.isArray(data.speakers)) return undefined;
  const speakers = new Map<string, { name: string; role?: string }>();
  for (const item of data.speakers) {
    const speaker = record(item);
    const id = idOf(speaker?.id);
    const name =
      text(speaker?.name) ?? text(speaker?.fullName) ?? [text(speaker?.firstName), text(speaker?.lastName)].join(' ');
    const role = text(speaker?.tagLine) ?? text(speaker?.position);
    if (id && name.trim()) speakers.set(id, { name, ...(role ? { role } : {}) });
  }
  const events: DraftEvent[] = data.sessions.flatMap((item) => {
    const session = record(item);
    if (!session) return [];
    const recording = text(session.recordingUrl) ?? text(session.videoUrl);
    const title = text(session.title);
    const tags = array(session.tags).filter((tag): tag is string => typeof tag === 'string');
    // Sessionize has no session type; a keynote says so in its title or its tags.
    return [
      {
        id: idOf(session.id),
        title,
        type: [...tags, title ?? ''].join(' '),
        abstract: text(session.description),
        track: tags[0],
        date: text(session.startsAt),
        persons: array(session.speakerIds ?? session.speakers).flatMap((speaker) => {
          const found = speakers.get(idOf(speaker) ?? idOf(record(speaker)?.id) ?? '');
          return found ? [found] : [];
        }),
        links: recording ? [{ url: recording, label: 'Recording' }] : [],
      },
    ];
  });
  const id = contentId(data.sessions);
  return { format: 'sessionize-json', conference: id ? { id } : {}, events };
}

/**
 * What identifies a Sessionize event: its first session (by start, then id). Session ids are Sessionize's own and
 * unique across it, and the first session stays first as recordings and later sessions are added; the file's
 * name ("All.json", "All (1).json") says nothing.
 */
function contentId(sessions: readonly unknown[]): string | undefined {
  let first: { id: string; startsAt: string } | undefined;
  for (const item of sessions) {
    const session = record(item);
    const id = idOf(session?.id);
    if (!id) continue;
    const startsAt = text(session?.startsAt) ?? '\uffff';
    if (!first || startsAt < first.startsAt || (startsAt === first.startsAt && id < first.id)) first = { id, startsAt };
  }
  return first && `sessionize-${first.id}`;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : text(value);
}
