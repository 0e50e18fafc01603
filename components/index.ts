// Preact pieces shared by the popup, the options page and the panel. Stylesheets are imported by path.
export * from './download';
export * from './FavouriteButton';
export * from './FavouritesTools';
export * from './FilePicker';
export * from './Highlighted';
export * from './Interpolated';
export * from './LiveStatus';
export * from './Notice';
export * from './useFavourites';
