import { useEffect } from 'preact/hooks';
import { FavouriteButton } from '../../components/FavouriteButton';
import { Highlighted } from '../../components/Highlighted';
import { formatTimestamp } from '../../utils/format-timestamp';
import { kindLabel, t } from '../../utils/i18n';
import type { TalkCard, TalkRow } from '../../utils/talk-results';

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
      <span class="result-title">
        <Highlighted text={talk.title} terms={terms} />
      </span>
      <span class="result-speakers">
        {talk.speakers.map((speaker, index) => (
          <span key={speaker.id}>
            {index > 0 ? ', ' : ''}
            {/* Pointer shortcut to the speaker filter; keyboard users type the name, which lists the same talks. */}
            {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
            {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
            <span
              class="speaker"
              title={t('speaker_filter_hint', speaker.name)}
              onClick={(event) => {
                event.stopPropagation();
                props.onSpeaker(speaker);
              }}
            >
              <Highlighted text={speaker.name} terms={terms} />
            </span>
            {/* Imported schedules often name no organisation: then nothing, not empty brackets. */}
            {speaker.organisation ? (
              <span class="organisation">
                {' '}
                (<Highlighted text={speaker.organisation} terms={terms} />)
              </span>
            ) : null}
          </span>
        ))}
      </span>
      <span class="result-event">{talk.eventName}</span>
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

function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
