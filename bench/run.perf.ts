import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { catalogue } from '../data/catalogue';
import { LABELLED_QUERIES } from '../tests/search-queries';
import { searchDocumentFor } from '../utils/search';
import { ENGINES } from './search-engines';
import { keystrokes, syntheticCatalogue, syntheticQueries } from './synthetic-catalogue';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

it('search', () => {
  const real = catalogue.talks.map((talk) => searchDocumentFor(talk, catalogue));
  const rows: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const documents = syntheticCatalogue(size, real);
    const typed = keystrokes([...LABELLED_QUERIES.map((q) => q.query), ...syntheticQueries(documents, 40)]);
    const engines = ENGINES.map((engine) => {
      const start = performance.now();
      const search = engine.build(documents);
      return { name: engine.name, search, buildMs: performance.now() - start, times: [] as number[] };
    });
    for (const engine of engines) for (const query of typed) engine.search(query); // warm-up
    // Interleaved: every keystroke is timed on every engine in turn, so machine noise hits all alike.
    for (const query of typed) {
      for (const engine of engines) {
        const start = performance.now();
        engine.search(query);
        engine.times.push(performance.now() - start);
      }
    }
    for (const engine of engines) {
      const sorted = [...engine.times].sort((a, b) => a - b);
      rows.push({
        talks: size,
        engine: engine.name,
        keystrokes: sorted.length,
        'p50 ms': +percentile(sorted, 50).toFixed(3),
        'p95 ms': +percentile(sorted, 95).toFixed(3),
        'max ms': +(sorted.at(-1) ?? 0).toFixed(2),
        'build ms': Math.round(engine.buildMs),
      });
      console.log(rows.at(-1));
    }
  }
  console.table(rows);
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ search: rows }, null, 2)}\n`);
});
