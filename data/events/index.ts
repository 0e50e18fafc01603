// The events that ship inside the extension, one file each.
export { bundledCatalogue, bundledEventFiles } from './bundled';
