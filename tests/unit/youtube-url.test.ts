import { describe, expect, it } from 'vitest';
import { parseYouTubeVideoId } from '../../utils/youtube';

describe('parseYouTubeVideoId', () => {
  it.each([
    ['https://www.youtube.com/watch?v=two3TzF9mVY', 'two3TzF9mVY'],
    ['https://www.youtube.com/watch?v=z63dtNj6ctY&t=1s', 'z63dtNj6ctY'],
    ['https://www.youtube.com/watch?t=1s&v=z63dtNj6ctY', 'z63dtNj6ctY'],
    ['https://www.youtube.com/watch?feature=share&v=-Hz6LFJu1cY&list=PLx', '-Hz6LFJu1cY'],
    ['https://www.youtube.com/watch?v=KpygSD-v_ws#comments', 'KpygSD-v_ws'],
    ['https://m.youtube.com/watch?v=OCS45iy5v1M', 'OCS45iy5v1M'],
    ['https://www.youtube.com/live/469NOldFOgw?si=abc', '469NOldFOgw'],
    ['https://www.youtube.com/shorts/aTItjMJE17c', 'aTItjMJE17c'],
    ['https://youtu.be/two3TzF9mVY?t=105', 'two3TzF9mVY'],
  ])('%s → %s', (url, id) => {
    expect(parseYouTubeVideoId(url)).toBe(id);
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/results?search_query=vitess',
    'https://www.youtube.com/@PlanetScale',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/watch?v=tooShort',
    'https://www.youtube.com/watch?v=two3TzF9mVY2',
    'https://www.youtube.com/watch?v=two3TzF9m%20Y',
    'https://www.youtube.com/watchlater?v=two3TzF9mVY',
    'https://example.com/watch?v=two3TzF9mVY',
    'https://www.youtube.com.evil.test/watch?v=two3TzF9mVY',
    'not a url',
  ])('%s → none', (url) => {
    expect(parseYouTubeVideoId(url)).toBeUndefined();
  });
});
