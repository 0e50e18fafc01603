// Schedules kept fresh from their address: what a subscription is, asking for the file (conditionally, capped,
// every failure a sentence) and what a refresh changed. The background's service runs them.
export * from './changes';
export * from './fetch-schedule';
export * from './subscription';
