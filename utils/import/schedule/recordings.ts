import { parseYouTubeVideoId } from '../../youtube';

/** A link as a schedule lists it: where it goes, and what the schedule calls it. */
export interface DraftLink {
  url: string;
  label: string;
}

// "Video recording", "Recording", "Video", in any case, with extras such as "(mp4)", "[WebM]" or "- YouTube".
// Anything else ("Recording of a previous iteration of the talk", "My talk at RustCon") is some other video,
// often a speaker's earlier talk, and must not be taken for this talk's recording.
const RECORDING_LABEL =
  /^(?:video\s+recording|recording|video)\s*(?:\([^)]*\)|\[[^\]]*\]|[-–:]\s*[\p{L}\p{N}/ ]{1,20})?$/iu;

export function isRecordingLabel(label: string): boolean {
  return RECORDING_LABEL.test(label.replace(/\s+/g, ' ').trim());
}

/**
 * The talk's recording among its links: a YouTube video id when one recording link is on YouTube, else the
 * first other recording (an MP4 preferred, as every browser plays it) as a link to watch it.
 */
export function recordingOf(links: readonly DraftLink[]): { videoId?: string; watchUrl?: string } {
  const recordings = links.filter((link) => isRecordingLabel(link.label) && /^https?:\/\//i.test(link.url.trim()));
  for (const link of recordings) {
    const videoId = parseYouTubeVideoId(link.url.trim());
    if (videoId) return { videoId };
  }
  const preferred =
    recordings.find((link) => /\bmp4\b/i.test(`${link.label} ${link.url}`)) ?? recordings.find(() => true);
  return preferred ? { watchUrl: preferred.url.trim() } : {};
}
