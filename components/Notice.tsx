export type NoticeContent = { kind: 'error' | 'success'; text: string } | undefined;

/**
 * What just happened, in a sentence: errors interrupt a screen reader (alert), successes wait their turn
 * (status). Both regions are always in the page, empty until there is something to say: screen readers often
 * skip a live region that arrives together with its text.
 */
export function Notice({ notice }: { notice: NoticeContent }) {
  const text = (kind: 'error' | 'success') => (notice?.kind === kind ? notice.text : '');
  const look = (kind: 'error' | 'success') => (notice?.kind === kind ? `notice notice-${kind}` : 'visually-hidden');
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
