import { FavouriteButton } from '../../components';
import { formatList, formatTimestamp, kindLabel, messagesDirection, messagesLanguage, say, t } from '../../utils/i18n';
import type { PanelContent, PanelRelated, PanelTalk } from '../../utils/panel';

/** The current talk's star, kept by the panel's controller (no hooks: the content script stays small). */
export interface PanelFavourite {
  starred: boolean;
  /** What is wrong with favourites, in words; the star is disabled while set. */
  error: string | undefined;
  /** Why the last change to the star was refused, in words. */
  refusal: string | undefined;
  onToggle(starred: boolean): void;
}

/** How far the talk on screen was watched, and the control to mark it by hand. */
export interface PanelProgressView {
  state: { position: number; duration: number; watched: boolean } | undefined;
  /** Why progress could not be saved, said once. */
  problem: string | undefined;
  onMark(watched: boolean): void;
}

interface PanelProps {
  content: PanelContent;
  favourite: PanelFavourite;
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
  onSeek(seconds: number): void;
  progress: PanelProgressView;
}

/** The Talkmark panel beside a YouTube video. */
export function Panel({ content, favourite, collapsed, onCollapsedChange, onSeek, progress }: PanelProps) {
  return (
    // YouTube's page may be in another language and direction than Talkmark's messages.
    <section class="panel" aria-label={t('panel_label')} lang={messagesLanguage()} dir={messagesDirection()}>
      <header class="panel-header">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true">
            ★
          </span>
          Talkmark
          {content.kind === 'about' ? <span class="panel-heading"> · {t('panel_about')}</span> : null}
        </span>
        <button
          type="button"
          class="collapse"
          aria-expanded={!collapsed}
          aria-controls="talkmark-panel-body"
          onClick={(event) => event.isTrusted && onCollapsedChange(!collapsed)}
        >
          {t(collapsed ? 'panel_show' : 'panel_hide')}
        </button>
      </header>
      {/* Hidden rather than removed while collapsed: the button's aria-controls names it. */}
      <div id="talkmark-panel-body" hidden={collapsed}>
        {content.kind === 'talk' ? (
          <CurrentTalk talk={content.talk} favourite={favourite} onSeek={onSeek} progress={progress} />
        ) : null}
        <h2 class="related-heading">{t(content.kind === 'talk' ? 'panel_related' : 'panel_from_catalogue')}</h2>
        {content.kind === 'talk' && content.relatedPending ? (
          <p class="related-pending">{t('panel_related_pending')}</p>
        ) : (
          <ul class="related">
            {content.related.map((related) => (
              <RelatedItem key={related.id} related={related} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function CurrentTalk(props: {
  talk: PanelTalk;
  favourite: PanelFavourite;
  onSeek(seconds: number): void;
  progress: PanelProgressView;
}) {
  const { talk, favourite } = props;
  return (
    <div class="current">
      <p class="meta">
        {kindLabel(talk.kind)} · {talk.eventName}
      </p>
      <div class="title-row">
        <p class="title" dir="auto">
          {talk.title}
        </p>
        <FavouriteButton
          title={talk.title}
          starred={favourite.starred}
          disabled={favourite.error !== undefined}
          onToggle={favourite.onToggle}
          trustedClicksOnly
        />
      </div>
      <p class="speakers">
        {formatList(
          talk.speakers.map(([name, ...about]) =>
            // No empty brackets for a speaker the catalogue says nothing more about.
            about.length ? t('speaker_with_organisation', name, about.join(t('about_separator'))) : name,
          ),
        )}
      </p>
      {talk.startSeconds ? (
        <button
          type="button"
          class="seek"
          // The page's scripts share this DOM: only the person's own clicks act (see FavouriteButton).
          onClick={(event) => event.isTrusted && props.onSeek(talk.startSeconds ?? 0)}
        >
          {t('panel_jump', formatTimestamp(talk.startSeconds))}
        </button>
      ) : null}
      <WatchRow talk={talk} progress={props.progress} onSeek={props.onSeek} />
      {/* Always there, so that screen readers announce a sentence when it appears in it. */}
      <p class="error" role="alert">
        {favourite.error ?? favourite.refusal ?? props.progress.problem ?? ''}
      </p>
    </div>
  );
}

function RelatedItem({ related }: { related: PanelRelated }) {
  return (
    <li>
      <a
        href={related.url}
        target={related.external ? '_blank' : undefined}
        rel={related.external ? 'noreferrer' : undefined}
      >
        <span class="related-title" dir="auto">
          {related.title}
        </span>
        <span class="related-by">
          {kindLabel(related.kind)} · {formatList(related.speakerNames)}
        </span>
        <span class="why">{related.reasons.map(say).join(' · ')}</span>
      </a>
    </li>
  );
}

/** "Watched", or "Resume at 12:34" (a button that seeks there), and a control to mark the talk by hand. */
function WatchRow(props: { talk: PanelTalk; progress: PanelProgressView; onSeek(seconds: number): void }) {
  const { state, onMark } = props.progress;
  const start = props.talk.startSeconds ?? 0;
  // Only the person's own clicks act (the page's scripts share this DOM).
  return (
    <div class="watch-row">
      {state?.watched ? <span class="watched">{t('panel_watched')}</span> : null}
      {state && !state.watched && state.position >= 1 ? (
        <button
          type="button"
          class="seek"
          onClick={(event) => event.isTrusted && props.onSeek(start + Math.floor(state.position))}
        >
          {t('panel_resume', formatTimestamp(Math.floor(state.position)))}
        </button>
      ) : null}
      <button
        type="button"
        class="link-button"
        aria-pressed={state?.watched === true}
        onClick={(event) => event.isTrusted && onMark(!state?.watched)}
      >
        {t(state?.watched ? 'mark_unwatched' : 'mark_watched')}
      </button>
    </div>
  );
}
