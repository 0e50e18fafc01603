export type NoticeContent = { kind: 'error' | 'success'; text: string } | undefined;

/** What just happened, in a sentence: errors interrupt a screen reader (alert), successes wait their turn. */
export function Notice({ notice }: { notice: NoticeContent }) {
  return notice ? (
    <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  ) : null;
}
