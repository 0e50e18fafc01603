import { buildCatalogue, type Catalogue, type EventFile } from '..';

// Adding an event is dropping one file into this folder: Vite bundles every `*.ts` file found here but this one
// and the face.
const eventModules = import.meta.glob<EventFile>(['./*.ts', '!./index.ts', '!./bundled.ts'], {
  eager: true,
  import: 'default',
});

/** The bundled event files, in file-name order: their talks in this order are what indexes number. */
export const bundledEventFiles: readonly EventFile[] = Object.values(eventModules);

/** The bundled events alone as one catalogue, for tests and for views that need no imported talk. */
export const bundledCatalogue: Catalogue = buildCatalogue(bundledEventFiles);
