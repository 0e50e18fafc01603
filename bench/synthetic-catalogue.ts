import type { SearchDocument } from '../utils/search';

/** A seeded generator (mulberry32), so every run benchmarks the same catalogue. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TECH_WORDS = `vitess kubernetes mysql migration sharding database service cloud native storage stateless scaling
resilient systems journey growth design patterns extensions ecosystem operator controller cluster cloud latency
throughput replication failover backup restore schema query planner index cache proxy gateway mesh observability
tracing metrics logging security policy admission webhook scheduler autoscaling serverless edge network storage
volume snapshot consensus raft etcd postgres kafka streaming events pipeline deploy rollout canary gitops helm
operators multi tenant isolation compliance privacy gdpr region partition geo resharding online ddl tablet keyspace
vreplication topology orchestrator production incident reliability chaos testing benchmark performance tuning memory
containers runtime sandbox wasm plugins api machinery crd reconcile lessons learned zero downtime large scale
migrating hour minutes terabytes petabytes analytics warehouse lakehouse vector search embeddings inference`.split(
  /\s+/,
);

const SYLLABLES = 'ka ri to ne su mi ra lo ve chi an de bo ru ta ni sho ga mo el ya ze pu fi ko la sa di no'.split(' ');

function pseudoWord(random: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word;
}

/** Picks from a list with a Zipf-like skew, as words in real titles are. */
function zipfPick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(items.length * random() ** 3)] as T;
}

/**
 * `count` talks with titles, speakers, organisations, topics and summaries drawn from a vocabulary that grows with
 * the catalogue (as a real one does), plus the real catalogue's talks so that labelled queries have their targets.
 */
export function syntheticCatalogue(count: number, real: readonly SearchDocument[], seed = 2019): SearchDocument[] {
  const random = seededRandom(seed);
  const vocabulary = [...TECH_WORDS];
  for (let i = 0; i < 2000 + count; i++) vocabulary.push(pseudoWord(random, 2 + Math.floor(random() * 3)));
  const firstNames = Array.from({ length: 400 }, () => capitalise(pseudoWord(random, 2)));
  const lastNames = Array.from({ length: 2000 }, () => capitalise(pseudoWord(random, 3 + Math.floor(random() * 2))));
  const organisations = Array.from({ length: 600 }, () => capitalise(pseudoWord(random, 2 + Math.floor(random() * 2))));
  const topics = vocabulary.slice(0, 150);
  const words = (n: number) => Array.from({ length: n }, () => zipfPick(random, vocabulary)).join(' ');

  const documents: SearchDocument[] = [...real];
  for (let i = documents.length; i < count; i++) {
    const speakerCount = 1 + Math.floor(random() * 2);
    const speakers = Array.from(
      { length: speakerCount },
      () => `${zipfPick(random, firstNames)} ${lastNames[Math.floor(random() * lastNames.length)]}`,
    );
    documents.push({
      id: `synthetic-${i}`,
      title: capitalise(words(4 + Math.floor(random() * 6))),
      speakers: speakers.join(' '),
      organisations: zipfPick(random, organisations),
      topics: Array.from({ length: 3 }, () => zipfPick(random, topics)).join(' '),
      summary: capitalise(words(18 + Math.floor(random() * 14))),
      context: random() < 0.1 ? 'Keynote' : 'Talk',
    });
  }
  return documents;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every prefix of every query, as a person types it letter by letter. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}

/** Queries about synthetic talks, some misspelt, so the benchmark also types words the real catalogue lacks. */
export function syntheticQueries(documents: readonly SearchDocument[], count: number, seed = 81): string[] {
  const random = seededRandom(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const document = documents[Math.floor(random() * documents.length)] as SearchDocument;
    const source = random() < 0.5 ? document.title : document.speakers;
    const words = source.toLowerCase().split(' ').slice(0, 2);
    if (random() < 0.4) words[0] = misspell(words[0] ?? '', random);
    queries.push(words.join(' '));
  }
  return queries;
}

function misspell(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1); // one letter dropped, the commonest typo
}
