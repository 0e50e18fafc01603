// The background's logic, apart from its browser glue: the live catalogue every view sees, the favourites' answers.
export * from './favourites-service';
export * from './live-catalogue';
