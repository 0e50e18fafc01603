import type { EventFile, Talk } from '../../data';
import type { ChangeSummary } from './subscription';

const hasRecording = (talk: Talk) => !!(talk.videoId || talk.watchUrl);

/**
 * What changed between two versions of a catalogue, talk by talk (a talk keeps its id across versions: the
 * schedule's guid). `starred` names the starred talks among the changes, by their newest title.
 */
export function changesBetween(
  before: EventFile | undefined,
  after: EventFile,
  starred: ReadonlySet<string>,
): ChangeSummary {
  const old = new Map((before?.talks ?? []).map((talk) => [talk.id, talk]));
  const summary: ChangeSummary = { added: 0, removed: 0, rescheduled: 0, newRecordings: 0, starred: [] };
  const touched = (talk: Talk) => {
    if (starred.has(talk.id) && !summary.starred.includes(talk.title)) summary.starred.push(talk.title);
  };
  for (const talk of after.talks) {
    const was = old.get(talk.id);
    old.delete(talk.id);
    if (!was) {
      summary.added++;
      touched(talk);
      continue;
    }
    if (!hasRecording(was) && hasRecording(talk)) {
      summary.newRecordings++;
      touched(talk);
    }
    if (was.startsAt !== talk.startsAt && was.startsAt && talk.startsAt) {
      summary.rescheduled++;
      touched(talk);
    }
  }
  for (const gone of old.values()) {
    summary.removed++;
    touched(gone);
  }
  return summary;
}

export const anyChanges = (summary: ChangeSummary) =>
  summary.added + summary.removed + summary.rescheduled + summary.newRecordings > 0;
