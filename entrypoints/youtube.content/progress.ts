import { messageOf, t } from '../../utils/i18n';
import { askBackground, RefusedByBackground } from '../../utils/messaging';
import { followVideo } from '../../utils/youtube';

/** How far the talk on screen was watched, as the panel shows it. */
export interface WatchView {
  position: number;
  duration: number;
  watched: boolean;
}

/**
 * The watch progress of the talk a panel shows: the page's video followed while it plays that talk, saved through
 * the background (at most every 10 s, and on pause, seek, hiding and leaving), marked watched or not by hand.
 */
export class PanelProgress {
  state: WatchView | undefined;
  /** Said once per page, not every ten seconds: progress could not be saved (a full disk). */
  problem: string | undefined;
  private talkId: string | undefined;
  private stopFollowing: (() => void) | undefined;

  constructor(
    private readonly signal: AbortSignal,
    /** Called when what the panel shows of the progress has changed. */
    private readonly changed: () => void,
  ) {}

  /** Follows the video for this talk (its page's video), showing `known` until the background says more. */
  start(talk: { id: string; videoId: string; startSeconds: number }, known: WatchView | undefined): void {
    this.clear();
    this.talkId = talk.id;
    this.state = known;
    this.stopFollowing = followVideo({
      doc: document,
      talk,
      signal: this.signal,
      onProgress: (position, duration) => void this.save(talk.id, position, duration),
    });
  }

  /** Leaving the talk: the follower saves where it was, and the panel shows nothing of it any more. */
  clear(): void {
    const stop = this.stopFollowing;
    this.stopFollowing = undefined;
    this.talkId = undefined;
    this.state = undefined;
    stop?.();
  }

  async mark(watched: boolean): Promise<void> {
    const talkId = this.talkId;
    if (!talkId) return;
    try {
      this.show(talkId, await askBackground({ type: 'progress/mark', talkId, watched }));
    } catch (error) {
      this.say(error);
    }
  }

  private async save(talkId: string, position: number, duration: number): Promise<void> {
    try {
      this.show(talkId, await askBackground({ type: 'progress/save', talkId, position, duration }));
    } catch (error) {
      this.say(error);
    }
  }

  private show(talkId: string, state: WatchView): void {
    if (talkId !== this.talkId) return; // saved on leaving: the panel shows another talk now
    this.state = { position: state.position, duration: state.duration, watched: state.watched };
    this.changed();
  }

  private say(error: unknown): void {
    console.warn('Talkmark: watch progress was not saved', error);
    if (this.problem) return;
    // A full disk has a whole sentence of its own; anything else is said inside this one.
    const whole = error instanceof RefusedByBackground && error.key === 'progress_storage_full';
    this.problem = whole ? messageOf(error) : t('progress_failed', messageOf(error));
    this.changed();
  }
}
