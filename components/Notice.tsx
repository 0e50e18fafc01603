/** `info`: something under way ("Fetching…"), said as a success is, without its colour. */
export type NoticeContent = { kind: 'error' | 'success' | 'info'; text: string } | undefined;

/**
 * What just happened, in a sentence: errors interrupt a screen reader (alert), successes wait their turn
 * (status). Both regions are always in the page, empty until there is something to say: screen readers often
 * skip a live region that arrives together with its text.
 */
export function Notice({ notice }: { notice: NoticeContent }) {
  const polite = notice?.kind === 'info' ? 'success' : notice?.kind;
  const text = (kind: 'error' | 'success') => (polite === kind ? (notice?.text ?? '') : '');
  const look = (kind: 'error' | 'success') => (polite === kind ? `notice notice-${notice?.kind}` : 'visually-hidden');
  return (
    <>
      <p class={look('error')} role="alert">
        {text('error')}
      </p>
      <p class={look('success')} role="status">
        {text('success')}
      </p>
    </>
  );
}
