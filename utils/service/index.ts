// The background's logic, apart from its browser glue: the live catalogue every view sees, the favourites' answers.
export * from './favourites-service';
export * from './live-catalogue';
export * from './served-talks';
export * from './session-area';
export * from './subscription-service';
export * from './sync-engine';
export * from './sync-status';
export * from './write-marks';
export * from './write-order';
