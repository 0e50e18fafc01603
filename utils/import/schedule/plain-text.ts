// Schedules carry abstracts as HTML (FOSDEM, escaped inside XML) or Markdown (pretalx). Talkmark shows them as
// plain text only, so markup is dropped here, once, rather than trusted anywhere it is shown.

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of an HTML fragment: tags (and what script and style elements hold) removed, entities decoded. */
export function plainText(html: string): string {
  return (
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      })
      // The commonest Markdown: [text](url) links, **strong**, __strong__, `code` and # headings.
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|__|`+/g, '')
      .replace(/(^|\n)\s*#{1,6}\s/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** At most `length` characters, cut at a word and ended with "…" when cut. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:—-]+$/, '')}…`;
}
