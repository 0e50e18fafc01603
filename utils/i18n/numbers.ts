// Numbers in a given language, without the extension's API: the import worker has none (importing it there throws).

/** A size in megabytes with one decimal, as `language` writes it ("2.5", "2,5"): the page that asked says which. */
export function megabytesIn(bytes: number, language: string): string {
  return (bytes / 1_000_000).toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
