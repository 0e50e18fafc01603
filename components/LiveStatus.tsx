import { useEffect, useState } from 'preact/hooks';

// How long the text must stay the same before it is read out: longer than the pause between typed letters, so
// a screen reader says the count for the word typed, not for every letter of it.
const ANNOUNCE_AFTER_MS = 700;

/** A polite live region that says `text` once it has settled; the visible status can change on every keystroke. */
export function LiveStatus({ text }: { text: string }) {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p class="visually-hidden" role="status" aria-live="polite">
      {announced}
    </p>
  );
}
