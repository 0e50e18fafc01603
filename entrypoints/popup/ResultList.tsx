import { useEffect } from 'preact/hooks';
import { FavouriteButton, Highlighted, Interpolated } from '../../components';
import type { TalkCard, TalkRow } from '../../data';
import { formatDate, formatTimestamp, kindLabel, listParts, t } from '../../utils/i18n';
import type { RowProgress } from './use-progress';

interface ResultListProps {
  id: string;
  label: string;
  rows: readonly TalkRow[];
  activeId: string | undefined;
  starred: ReadonlySet<string>;
  favouritesUnavailable: boolean;
  onOpen(row: TalkRow): void;
  onStar(row: TalkRow, starred: boolean): void;
  onSpeaker(speaker: { id: string; name: string }): void;
  optionId(talkId: string): string;
  progress: ReadonlyMap<string, RowProgress>;
}

/**
 * The results as a listbox driven from the search field (the ARIA combobox pattern). Options may not hold
 * buttons, so each row's star sits in a layer laid over the list on the same grid rows.
 */
export function ResultList(props: ResultListProps) {
  const { rows, activeId } = props;

  useEffect(() => {
    if (activeId) document.getElementById(props.optionId(activeId))?.scrollIntoView({ block: 'nearest' });
  }, [activeId, props.optionId]);

  const span = { gridRow: `1 / span ${rows.length}` };
  return (
    <div class="results">
      <div class="results-list" role="listbox" id={props.id} aria-label={props.label} style={span}>
        {rows.map((row) => (
          // Focus stays in the search field, which points at the active option (aria-activedescendant) and
          // handles the keys, so options are neither focusable nor keyed themselves.
          // biome-ignore lint/a11y/useFocusableInteractive: see above
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above
          <div
            key={row.id}
            id={props.optionId(row.id)}
            role="option"
            aria-selected={row.id === activeId}
            class="result"
            onClick={() => props.onOpen(row)}
          >
            {row.talk ? (
              <TalkLines
                talk={row.talk}
                terms={new Set(row.terms)}
                starredAt={row.starredAt}
                onSpeaker={props.onSpeaker}
              />
            ) : (
              <MissingTalk id={row.id} starredAt={row.starredAt} />
            )}
            <ProgressBar progress={props.progress.get(row.id)} />
            {/* The star beside the row is a separate button; the option itself says whether its talk is starred. */}
            {props.starred.has(row.id) ? <span class="visually-hidden"> {t('option_starred')}</span> : null}
          </div>
        ))}
      </div>
      <div class="results-stars" style={span}>
        {rows.map((row) => (
          <FavouriteButton
            key={row.id}
            title={row.talk?.title ?? row.id}
            starred={props.starred.has(row.id)}
            disabled={props.favouritesUnavailable}
            onToggle={(starred) => props.onStar(row, starred)}
          />
        ))}
      </div>
    </div>
  );
}

function TalkLines(props: {
  talk: TalkCard;
  terms: ReadonlySet<string>;
  starredAt: number | undefined;
  onSpeaker(speaker: { id: string; name: string }): void;
}) {
  const { talk, terms } = props;
  return (
    <>
      <span class="result-meta">
        <span class={`kind kind-${talk.kind}`}>{kindLabel(talk.kind)}</span>
        {talk.startSeconds ? <span class="start">{t('result_start', formatTimestamp(talk.startSeconds))}</span> : null}
        {props.starredAt ? <span class="starred-at">{t('result_starred', formatDate(props.starredAt))}</span> : null}
      </span>
      {/* Catalogue text keeps its own direction whatever the interface language (dir=auto isolates it). */}
      <span class="result-title" dir="auto">
        <Highlighted text={talk.title} terms={terms} />
      </span>
      <span class="result-speakers">
        <SpeakerList speakers={talk.speakers} terms={terms} onSpeaker={props.onSpeaker} />
      </span>
      <span class="result-event" dir="auto">
        {talk.eventName}
      </span>
    </>
  );
}

/** "A (Org), B and C" as the language lists people, each name a pointer shortcut to the speaker filter. */
function SpeakerList(props: {
  speakers: TalkCard['speakers'];
  terms: ReadonlySet<string>;
  onSpeaker(speaker: { id: string; name: string }): void;
}) {
  const { speakers, terms } = props;
  let next = 0;
  return (
    <>
      {listParts(speakers.map((speaker) => speaker.id)).map((part, index) => {
        if (part.type === 'literal') return <span key={index}>{part.value}</span>;
        const speaker = speakers[next++];
        if (!speaker) return null;
        const name = (
          // Pointer shortcut; keyboard users choose the speaker in the Speaker filter above the list.
          // biome-ignore lint/a11y/noStaticElementInteractions: see above
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above
          <span
            class="speaker"
            dir="auto"
            title={t('speaker_filter_hint', speaker.name)}
            onClick={(event) => {
              event.stopPropagation();
              props.onSpeaker(speaker);
            }}
          >
            <Highlighted text={speaker.name} terms={terms} />
          </span>
        );
        return (
          <span key={speaker.id}>
            {/* Imported schedules often name no organisation: then nothing, not empty brackets. */}
            {speaker.organisation ? (
              <Interpolated
                message="speaker_with_organisation"
                parts={[
                  name,
                  <bdi key="organisation">
                    <Highlighted text={speaker.organisation} terms={terms} />
                  </bdi>,
                ]}
              />
            ) : (
              name
            )}
          </span>
        );
      })}
    </>
  );
}

function MissingTalk({ id, starredAt }: { id: string; starredAt: number | undefined }) {
  return (
    <>
      <span class="result-meta">
        {starredAt ? <span class="starred-at">{t('result_starred', formatDate(starredAt))}</span> : null}
      </span>
      <span class="result-title missing">{t('missing_talk_title')}</span>
      <span class="result-speakers">{t('missing_talk_detail', id)}</span>
    </>
  );
}

/** A thin bar under a started talk (full once watched), and the same in words for screen readers. */
function ProgressBar({ progress }: { progress: RowProgress | undefined }) {
  if (!progress || (!progress.watched && progress.position < 1)) return null;
  const done = progress.watched ? 1 : Math.min(1, progress.position / Math.max(1, progress.duration));
  return (
    <>
      <span class="progress" aria-hidden="true">
        <span class="progress-done" style={{ inlineSize: `${Math.round(done * 100)}%` }} />
      </span>
      <span class="visually-hidden">
        {' '}
        {progress.watched ? t('option_watched') : t('option_started', formatTimestamp(Math.floor(progress.position)))}
      </span>
    </>
  );
}
