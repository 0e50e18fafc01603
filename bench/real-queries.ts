import type { RealTalk } from '../tests/real-talks';
import { tokenize } from '../utils/text';
import { seededRandom } from './synthetic-catalogue';

/** A query as a person would type it for one real talk, and the talk they mean. */
export interface RealQuery {
  query: string;
  expected: string;
  kind: 'typo' | 'prefix' | 'surname' | 'misspelt name' | 'topic';
}

/**
 * Labelled queries over the real talks (../shared/talk-data), made at run time: the queries are not committed,
 * this script is. Talks are picked (seeded, so every run asks the same) among the first `pickFrom` talks, so the
 * expected talk is in every catalogue size benchmarked, and only where the query can only mean that talk in the
 * whole set: a title no other talk has, a surname no other talk's speakers or titles use.
 */
export function realQueries(talks: readonly RealTalk[], pickFrom: number, perKind = 14, seed = 2026): RealQuery[] {
  const random = seededRandom(seed);
  const titleCounts = count(talks.map((talk) => tokenize(talk.title).join(' ')));
  // How many talks use each word, in titles and in speakers' names: rare words make unambiguous queries.
  const wordTalks = count(talks.flatMap((talk) => [...new Set(tokenize(`${talk.title} ${talk.speakers.join(' ')}`))]));
  const surnameTalks = count(talks.flatMap((talk) => [...new Set(talk.speakers.map(surname))]));

  const pool = talks
    .slice(0, pickFrom)
    .filter((talk) => titleCounts.get(tokenize(talk.title).join(' ')) === 1 && tokenize(talk.title).length >= 3);
  const queries: RealQuery[] = [];
  const used = new Set<string>();
  const pick = (make: (talk: RealTalk) => RealQuery | undefined) => {
    let made = 0;
    for (let attempt = 0; attempt < pool.length * 4 && made < perKind; attempt++) {
      const talk = pool[Math.floor(random() * pool.length)];
      if (!talk || used.has(talk.id)) continue;
      const query = make(talk);
      if (!query) continue;
      used.add(talk.id);
      queries.push(query);
      made++;
    }
  };
  // The title's rarest words, at most three, in title order: what someone remembering a talk types.
  const rareWords = (talk: RealTalk) => {
    const words = [...new Set(tokenize(talk.title))].filter((word) => word.length >= 3);
    const rarest = [...words].sort((a, b) => (wordTalks.get(a) ?? 0) - (wordTalks.get(b) ?? 0)).slice(0, 3);
    return words.filter((word) => rarest.includes(word));
  };

  pick((talk) => {
    const words = rareWords(talk);
    const at = words.findIndex((word) => word.length >= 5);
    if (words.length < 2 || at < 0) return undefined;
    words[at] = typo(words[at] ?? '', random);
    return { query: words.join(' '), expected: talk.id, kind: 'typo' };
  });
  pick((talk) => {
    const words = rareWords(talk);
    const last = words.at(-1);
    if (words.length < 2 || !last || last.length < 6) return undefined;
    words[words.length - 1] = last.slice(0, Math.ceil(last.length / 2) + 1);
    return { query: words.join(' '), expected: talk.id, kind: 'prefix' };
  });
  const soleSpeaker = (talk: RealTalk) => {
    const name = talk.speakers[0];
    const last = name && surname(name);
    const unique = !!last && last.length >= 5 && surnameTalks.get(last) === 1 && wordTalks.get(last) === 1;
    return unique && talk.speakers.length === 1 ? { name, last } : undefined;
  };
  pick((talk) => {
    const speaker = soleSpeaker(talk);
    return speaker ? { query: speaker.last, expected: talk.id, kind: 'surname' } : undefined;
  });
  pick((talk) => {
    const speaker = soleSpeaker(talk);
    if (!speaker || tokenize(speaker.name).length < 2) return undefined;
    const words = tokenize(speaker.name);
    words[words.length - 1] = typo(speaker.last, random);
    return { query: words.join(' '), expected: talk.id, kind: 'misspelt name' };
  });
  pick((talk) => {
    const topic = talk.topics?.find((candidate) => tokenize(candidate).length === 1);
    const rarest = [...new Set(tokenize(talk.title))]
      .filter((word) => word.length >= 3 && !tokenize(topic ?? '').includes(word))
      .sort((a, b) => (wordTalks.get(a) ?? 0) - (wordTalks.get(b) ?? 0))[0];
    if (!topic || !rarest) return undefined;
    return { query: `${tokenize(topic)[0]} ${rarest}`, expected: talk.id, kind: 'topic' };
  });
  return queries;
}

function surname(name: string): string {
  return tokenize(name).at(-1) ?? '';
}

function count(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** One typo as people make them: a letter dropped, doubled, swapped with the next, or replaced by a neighbour. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kinds = [
    () => word.slice(0, at) + word.slice(at + 1),
    () => word.slice(0, at) + word[at] + word.slice(at),
    () => word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2),
    () => word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1),
  ];
  return (kinds[Math.floor(random() * kinds.length)] ?? kinds[0])?.() ?? word;
}
