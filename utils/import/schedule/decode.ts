/**
 * The text of a schedule file's bytes. Schedules are UTF-8 almost always, but older pentabarf and frab exports
 * declare other encodings (`<?xml version="1.0" encoding="ISO-8859-1"?>`), and a UTF-16 file starts with its byte
 * order mark: both are honoured, so accented names stay names. Anything else is read as UTF-8.
 */
export function decodeSchedule(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // The XML declaration is ASCII in every ASCII-compatible encoding, so its first bytes can be read as Latin-1.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding the browser does not know: read as UTF-8, and let the parser judge what comes out.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
