import type { View } from '../../data';
import { formatNumber, t } from '../../utils/i18n';

/** The tabs in the order they are laid out. */
export const VIEWS: readonly View[] = ['talks', 'favourites', 'continue'];

const TAB_LABELS = { talks: 'tab_talks', favourites: 'tab_favourites', continue: 'tab_continue' } as const;
/** Each view's list, as screen readers name it. */
export const LIST_LABELS = { talks: 'list_talks', favourites: 'list_favourites', continue: 'list_continue' } as const;

/** The popup's tab list, each tab with its count (absent until known). */
export function ViewTabs(props: {
  current: View;
  onSelect(view: View): void;
  counts: Record<View, number | undefined>;
}) {
  return (
    <div class="tabs" role="tablist" aria-label={t('tabs_label')}>
      {VIEWS.map((view) => (
        <ViewTab
          key={view}
          view={view}
          current={props.current}
          onSelect={props.onSelect}
          label={t(TAB_LABELS[view])}
          count={props.counts[view]}
        />
      ))}
    </div>
  );
}

/** Which tab a key moves to from `view`, as ARIA's tabs pattern has it; arrows follow the page's direction. */
export function tabAfterKey(view: View, key: string, rightToLeft: boolean): View | undefined {
  const at = VIEWS.indexOf(view);
  const last = VIEWS.length - 1;
  const forward = rightToLeft ? 'ArrowLeft' : 'ArrowRight';
  const back = rightToLeft ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return VIEWS[at === last ? 0 : at + 1];
  if (key === back) return VIEWS[at === 0 ? last : at - 1];
  if (key === 'Home') return VIEWS[0];
  if (key === 'End') return VIEWS[last];
  return undefined;
}

/** One of the popup's tabs (Talks, Favourites, Continue watching), with its count. */
function ViewTab(props: {
  view: View;
  current: View;
  onSelect(view: View): void;
  label: string;
  count: number | undefined;
}) {
  const selected = props.view === props.current;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${props.view}`}
      aria-selected={selected}
      aria-controls="view-panel"
      // Only the selected tab is in the Tab order; the arrows move between tabs.
      tabIndex={selected ? 0 : -1}
      class="tab"
      onClick={() => props.onSelect(props.view)}
      onKeyDown={(event) => {
        const next = tabAfterKey(props.view, event.key, getComputedStyle(event.currentTarget).direction === 'rtl');
        if (!next) return;
        event.preventDefault();
        props.onSelect(next);
        document.getElementById(`tab-${next}`)?.focus();
      }}
    >
      {props.label} {props.count === undefined ? null : <span class="tab-count">{formatNumber(props.count)}</span>}
    </button>
  );
}
