import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's fake browser leaves i18n unimplemented; answer from the real English messages, as browsers do.
const messages: Record<string, { message: string }> = JSON.parse(
  // From the project root (vitest's working directory): under happy-dom, import.meta.url is not a file address.
  readFileSync('public/_locales/en/messages.json', 'utf8'),
);
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | Array<string | number>) => {
  const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []).map(String);
  return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
};
fakeBrowser.i18n.getUILanguage = () => 'en';
