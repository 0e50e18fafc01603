import { useRef } from 'preact/hooks';

/**
 * A button that opens the browser's file picker: the file input itself stays hidden (and out of the tab order),
 * since a native file input cannot be labelled or styled like the other buttons.
 */
export function FilePicker(props: {
  label: string;
  /** The hidden input's accessible name. */
  inputLabel: string;
  accept: string;
  disabled?: boolean;
  primary?: boolean;
  onFile(file: File): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class={props.primary ? 'button primary' : 'button'}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </button>
      <input
        ref={input}
        class="visually-hidden"
        type="file"
        accept={props.accept}
        tabIndex={-1}
        aria-label={props.inputLabel}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared, so choosing the same file again is a new choice.
          event.currentTarget.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
