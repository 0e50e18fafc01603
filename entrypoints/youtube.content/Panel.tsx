import { FavouriteButton } from '../../components/FavouriteButton';
import { useFavourites } from '../../components/useFavourites';
import { eventOf, formatTimestamp, speakersOf, talkUrl } from '../../data/catalogue';
import type { Talk } from '../../data/schema';
import { kindLabel, say, t } from '../../utils/i18n';
import type { PanelContent } from '../../utils/panel-content';
import type { RelatedTalk } from '../../utils/related-talks';

interface PanelProps {
  content: PanelContent;
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
  onSeek(seconds: number): void;
}

/** The Talkmark panel beside a YouTube video. */
export function Panel({ content, collapsed, onCollapsedChange, onSeek }: PanelProps) {
  return (
    <section class="panel" aria-label={t('panel_label')}>
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
          onClick={() => onCollapsedChange(!collapsed)}
        >
          {t(collapsed ? 'panel_show' : 'panel_hide')}
        </button>
      </header>
      {collapsed ? null : (
        <div id="talkmark-panel-body">
          {content.kind === 'talk' ? <CurrentTalk talk={content.talk} onSeek={onSeek} /> : null}
          <h2 class="related-heading">{t(content.kind === 'talk' ? 'panel_related' : 'panel_from_catalogue')}</h2>
          <ul class="related">
            {content.related.map((related) => (
              <RelatedItem key={related.talk.id} related={related} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function CurrentTalk({ talk, onSeek }: { talk: Talk; onSeek(seconds: number): void }) {
  const favourites = useFavourites();
  return (
    <div class="current">
      <p class="meta">
        {kindLabel(talk.kind)} · {eventOf(talk)?.name}
      </p>
      <div class="title-row">
        <p class="title">{talk.title}</p>
        <FavouriteButton
          title={talk.title}
          starred={favourites.starred.has(talk.id)}
          disabled={favourites.loading && favourites.error !== undefined}
          onToggle={(starred) => void favourites.setStarred(talk.id, starred)}
        />
      </div>
      <p class="speakers">
        {speakersOf(talk)
          .map((speaker) => `${speaker.name} (${[speaker.organisation, speaker.role].filter(Boolean).join(', ')})`)
          .join(' · ')}
      </p>
      {talk.startSeconds ? (
        <button type="button" class="seek" onClick={() => onSeek(talk.startSeconds ?? 0)}>
          {t('panel_jump', formatTimestamp(talk.startSeconds))}
        </button>
      ) : null}
      {favourites.error ? (
        <p class="error" role="alert">
          {favourites.error}
        </p>
      ) : null}
    </div>
  );
}

function RelatedItem({ related }: { related: RelatedTalk }) {
  const { talk } = related;
  const external = !talk.videoId;
  return (
    <li>
      <a href={talkUrl(talk)} target={external ? '_blank' : undefined} rel={external ? 'noreferrer' : undefined}>
        <span class="related-title">{talk.title}</span>
        <span class="related-by">
          {kindLabel(talk.kind)} ·{' '}
          {speakersOf(talk)
            .map((speaker) => speaker.name)
            .join(', ')}
        </span>
        <span class="why">{related.reasons.map(say).join(' · ')}</span>
      </a>
    </li>
  );
}
