/** For work nobody waits on (a browser event's handler): a failure is logged, never swallowed. */
export const logFailure = (what: string) => (error: unknown) => console.error(`Talkmark: ${what} failed`, error);
