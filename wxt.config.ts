import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Puts each page's stylesheets into the page. An extension page gets every file from the browser process, one
 * after another: the popup's two stylesheets delayed its scripts, and its first results, by 7 to 10 ms.
 */
function inlineStylesheets(): Plugin {
  return {
    name: 'talkmark:inline-stylesheets',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const inlined = new Set<string>();
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        page.source = String(page.source).replace(
          /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
          (link, fileName: string) => {
            const sheet = bundle[fileName];
            if (sheet?.type !== 'asset') return link;
            inlined.add(fileName);
            return `<style>${String(sheet.source)}</style>`;
          },
        );
      }
      for (const fileName of inlined) delete bundle[fileName];
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size is drawn from this one image.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [16, 32, 48, 96, 128] },
  // Domain code is imported explicitly so every dependency is visible; WXT's own APIs come from `#imports`.
  imports: false,
  // One manifest version for both browsers keeps behaviour identical.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), inlineStylesheets()] }),
  hooks: {
    // WXT titles the toolbar button with the popup's <title>, which is English until the page localises itself.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.action = { ...manifest.action, default_title: '__MSG_action_title__' };
    },
  },
  // The sources zip Mozilla's reviewers rebuild from: the code, not test screenshots.
  zip: { excludeSources: ['tests/e2e/artifacts/**', '.github/**', 'bench/results.json'] },
  // Name and description come from the messages (one place per language), the version from package.json.
  manifest: ({ browser }) => ({
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // alarms: a subscribed schedule's daily refresh (made only while there are subscriptions).
    permissions: ['storage', 'contextMenus', 'alarms'],
    omnibox: { keyword: 'talk' },
    host_permissions: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
    // A schedule subscribed to by address: access to its one site is asked for when the person subscribes.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      // Opens the popup from the keyboard; people can change it in the browser's shortcut settings. Not Alt+Shift+T:
      // Chrome keeps that for "focus the toolbar" and silently leaves the command without a key.
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_command_search__' },
    },
    // The star layer lines up with the results through CSS subgrid, which Chrome has since 117.
    ...(browser !== 'firefox' && { minimum_chrome_version: '117' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'talkmark@talkmark.dev',
          // The first versions that understand data_collection_permissions (desktop 140 ESR, Android 142).
          strict_min_version: '140.0',
          // Talkmark sends nothing anywhere: Firefox asks extensions to say so.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
