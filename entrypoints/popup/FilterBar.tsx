import { catalogue, KIND_LABELS } from '../../data/catalogue';
import type { TalkKind } from '../../data/schema';
import { filterChoices, hasActiveFilters, type TalkFilters } from '../../utils/talk-filters';

const choices = filterChoices(catalogue);

/** Kind, organisation, topic and favourites-only, plus the speaker chosen from a result; each clearable. */
export function FilterBar(props: {
  filters: TalkFilters;
  onChange(filters: TalkFilters): void;
  favouritesView: boolean;
}) {
  const { filters, onChange } = props;
  const set = (patch: Partial<TalkFilters>) => onChange(withoutEmpty({ ...filters, ...patch }));
  const speaker = filters.speakerId ? catalogue.speakers.get(filters.speakerId) : undefined;
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filters</legend>
      <select
        aria-label="Kind"
        value={filters.kind ?? ''}
        class={filters.kind ? 'is-set' : ''}
        onChange={(event) => set({ kind: (event.currentTarget.value || undefined) as TalkKind | undefined })}
      >
        <option value="">Kind</option>
        {choices.kinds.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <select
        aria-label="Organisation"
        value={filters.organisation ?? ''}
        class={filters.organisation ? 'is-set' : ''}
        onChange={(event) => set({ organisation: event.currentTarget.value || undefined })}
      >
        <option value="">Organisation</option>
        {choices.organisations.map((organisation) => (
          <option key={organisation} value={organisation}>
            {organisation}
          </option>
        ))}
      </select>
      <select
        aria-label="Topic"
        value={filters.topic ?? ''}
        class={filters.topic ? 'is-set' : ''}
        onChange={(event) => set({ topic: event.currentTarget.value || undefined })}
      >
        <option value="">Topic</option>
        {choices.topics.map((topic) => (
          <option key={topic} value={topic}>
            {topic}
          </option>
        ))}
      </select>
      {props.favouritesView ? null : (
        <label class={`check${filters.favouritesOnly ? ' is-set' : ''}`}>
          <input
            type="checkbox"
            checked={filters.favouritesOnly ?? false}
            onChange={(event) => set({ favouritesOnly: event.currentTarget.checked || undefined })}
          />
          Favourites only
        </label>
      )}
      {speaker ? (
        <button type="button" class="chip" onClick={() => set({ speakerId: undefined })}>
          Speaker: {speaker.name} <span aria-hidden="true">×</span>
          <span class="visually-hidden">(remove this filter)</span>
        </button>
      ) : null}
      {hasActiveFilters(filters) ? (
        <button type="button" class="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}

function withoutEmpty(filters: TalkFilters): TalkFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as TalkFilters;
}
