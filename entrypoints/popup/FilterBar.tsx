import type { TalkKind } from '../../data';
import { type FilterChoices, hasActiveFilters, type TalkFilters } from '../../data';
import { kindLabel, t } from '../../utils/i18n';

const NO_CHOICES: FilterChoices = { kinds: [], events: [], organisations: [], topics: [], speakers: [], talkCount: 0 };

/**
 * Conference (once there is more than one), kind, organisation, topic and favourites-only, plus the speaker
 * chosen from a result; each clearable. The choices come from the background, which holds the catalogues.
 */
export function FilterBar(props: {
  filters: TalkFilters;
  choices: FilterChoices | undefined;
  speakerName: string | undefined;
  onChange(filters: TalkFilters): void;
  favouritesView: boolean;
}) {
  const { filters, onChange } = props;
  const choices = props.choices ?? NO_CHOICES;
  const set = (patch: Partial<TalkFilters>) => onChange(withoutEmpty({ ...filters, ...patch }));
  // A speaker chosen by clicking a name may not be among the most frequent ones the select offers.
  const speakers = choices.speakers ?? [];
  const speakerChoices =
    filters.speakerId && !speakers.some(([id]) => id === filters.speakerId)
      ? [[filters.speakerId, props.speakerName ?? filters.speakerId] as [string, string], ...speakers]
      : speakers;
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">{t('filters_legend')}</legend>
      {choices.events.length > 1 ? (
        <FilterSelect
          label={t('filter_event')}
          value={filters.eventId}
          choices={choices.events}
          onChange={(eventId) => set({ eventId })}
        />
      ) : null}
      <FilterSelect
        label={t('filter_kind')}
        value={filters.kind}
        choices={choices.kinds.map((kind) => [kind, kindLabel(kind)])}
        onChange={(kind) => set({ kind: kind as TalkKind | undefined })}
      />
      <FilterSelect
        label={t('filter_organisation')}
        value={filters.organisation}
        choices={choices.organisations.map((organisation) => [organisation, organisation])}
        onChange={(organisation) => set({ organisation })}
      />
      <FilterSelect
        label={t('filter_topic')}
        value={filters.topic}
        choices={choices.topics}
        onChange={(topic) => set({ topic })}
      />
      <FilterSelect
        label={t('filter_speaker_choice')}
        value={filters.speakerId}
        choices={speakerChoices}
        onChange={(speakerId) => set({ speakerId })}
      />
      {props.favouritesView ? null : (
        <label class={`check${filters.favouritesOnly ? ' is-set' : ''}`}>
          <input
            type="checkbox"
            checked={filters.favouritesOnly ?? false}
            onChange={(event) => set({ favouritesOnly: event.currentTarget.checked || undefined })}
          />
          {t('filter_favourites_only')}
        </label>
      )}
      <label class={`check${filters.hideWatched ? ' is-set' : ''}`}>
        <input
          type="checkbox"
          checked={filters.hideWatched ?? false}
          onChange={(event) => set({ hideWatched: event.currentTarget.checked || undefined })}
        />
        {t('filter_hide_watched')}
      </label>
      {hasActiveFilters(filters) ? (
        <button type="button" class="link-button" onClick={() => onChange({})}>
          {t('clear_filters')}
        </button>
      ) : null}
    </fieldset>
  );
}

/** A filter as a select whose empty choice names the filter ("Kind"), so it reads as its own label. */
function FilterSelect(props: {
  label: string;
  value: string | undefined;
  choices: Array<[value: string, text: string]>;
  onChange(value: string | undefined): void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      class={props.value ? 'is-set' : ''}
      onChange={(event) => props.onChange(event.currentTarget.value || undefined)}
    >
      <option value="">{props.label}</option>
      {props.choices.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}

function withoutEmpty(filters: TalkFilters): TalkFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as TalkFilters;
}
