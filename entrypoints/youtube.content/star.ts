import { messageOf } from '../../utils/i18n';
import { favouritesClient, RefusedByBackground } from '../../utils/messaging';

/**
 * The star of the talk a panel shows: what the background last said, shown at once when clicked. Questions about
 * it are numbered, so an older answer never overwrites a newer one, and an answer for a talk the page has left
 * is dropped.
 */
export class PanelStar {
  starred = false;
  /** What is wrong with favourites, in words; the star is disabled while set. */
  error: string | undefined;
  /** Why the last change to the star was refused, in words, until the next change. */
  refusal: string | undefined;
  private asked = 0;

  constructor(
    /** The talk the panel shows now, if it shows one. */
    private readonly currentTalk: () => string | undefined,
    /** Called when what the star shows has changed. */
    private readonly changed: () => void,
  ) {}

  /** The star as the panel's answer said it. */
  known(talkId: string, starred: boolean): void {
    this.settle(++this.asked, talkId, starred, undefined);
  }

  /** Reads the current talk's star from the favourites, as on showing it and whenever any view changes one. */
  async refresh(): Promise<void> {
    const talkId = this.currentTalk();
    if (!talkId) return;
    const number = ++this.asked;
    let starred = this.starred;
    let error: string | undefined;
    try {
      starred = await favouritesClient.has(talkId);
    } catch (caught) {
      error = messageOf(caught);
    }
    this.settle(number, talkId, starred, error);
  }

  async toggle(starred: boolean): Promise<void> {
    const talkId = this.currentTalk();
    if (!talkId) return;
    this.starred = starred; // show it at once; the background's answer settles it
    this.refusal = undefined;
    this.changed();
    const number = ++this.asked;
    try {
      this.settle(number, talkId, await favouritesClient.setPanelStar(talkId, starred), undefined);
    } catch (caught) {
      if (caught instanceof RefusedByBackground) {
        // Refused (storage full, the talk just removed): say why, and show the star as it is stored.
        this.refusal = caught.message;
        await this.refresh();
        this.changed();
        return;
      }
      // No answer is not a refusal (the worker may have stopped after the write committed): show what is stored,
      // with an error only if even that cannot be read.
      console.warn('Talkmark: starring from the panel got no answer; reading the favourites again', caught);
      await this.refresh();
    }
  }

  /**
   * Applies an answer about a talk's star, unless the page has moved on to another talk meanwhile or a newer
   * question about the star has been asked (its answer will settle it).
   */
  private settle(number: number, talkId: string, starred: boolean, error: string | undefined): void {
    if (number !== this.asked || this.currentTalk() !== talkId) return;
    this.starred = starred;
    this.error = error;
    this.changed();
  }
}
