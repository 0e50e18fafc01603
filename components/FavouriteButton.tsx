interface FavouriteButtonProps {
  title: string;
  starred: boolean;
  disabled?: boolean;
  onToggle(starred: boolean): void;
  class?: string;
  /** On pages that are not ours (YouTube), a click a script made up is not the person's: ignore it. */
  trustedClicksOnly?: boolean;
}

import { t } from '../utils/i18n';

/** The star: a toggle button whose pressed state is the favourite, named for screen readers by the talk. */
export function FavouriteButton({
  title,
  starred,
  disabled,
  onToggle,
  class: className,
  trustedClicksOnly,
}: FavouriteButtonProps) {
  return (
    <button
      type="button"
      class={`favourite-button${className ? ` ${className}` : ''}`}
      aria-pressed={starred}
      aria-label={t('favourite_name', title)}
      title={t(starred ? 'favourite_remove' : 'favourite_add')}
      disabled={disabled}
      onClick={(event) => {
        event.stopPropagation();
        if (trustedClicksOnly && !event.isTrusted) return;
        onToggle(!starred);
      }}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M12 3.3l2.6 5.5 6 .8-4.4 4.1 1.1 6-5.3-2.9-5.3 2.9 1.1-6L3.4 9.6l6-.8z"
          fill={starred ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linejoin="round"
        />
      </svg>
    </button>
  );
}
