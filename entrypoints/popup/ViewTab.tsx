import type { View } from '../../data';
import { formatNumber } from '../../utils/i18n';

/** One of the popup's two tabs (Talks, Favourites), with its count; arrow keys move to the other. */
export function ViewTab(props: {
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
      class="tab"
      onClick={() => props.onSelect(props.view)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          const other = props.view === 'talks' ? 'favourites' : 'talks';
          props.onSelect(other);
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
    >
      {props.label} {props.count === undefined ? null : <span class="tab-count">{formatNumber(props.count)}</span>}
    </button>
  );
}
