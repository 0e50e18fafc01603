// A person's marks on talks (stars now, watch progress next) as every device keeps them and as the browser's sync
// storage carries them: a last-writer-wins set with tombstones over hybrid logical clocks, its compact encoding,
// and its layout within sync storage's quotas. Pure: the background's sync engine does the reading and writing.
export * from './clock';
export * from './codec';
export * from './layout';
export * from './mark';
export * from './watch';
