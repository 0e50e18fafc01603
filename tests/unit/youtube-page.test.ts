// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPanelAnchor, insertAtAnchor, isAtAnchor, readPageTheme, readVideoTitle } from '../../utils/youtube';

/** A document with `html` as its body's markup and `title` as its title. */
function page(html: string, title = 'YouTube'): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.title = title; // happy-dom leaves createHTMLDocument's title out
  doc.body.innerHTML = html;
  return doc;
}

const MOBILE = `
  <ytm-app><ytm-watch><ytm-single-column-watch-next-results-renderer>
    <ytm-slim-video-metadata-section-renderer>
      <h2 class="slim-video-information-title"><span class="yt-core-attributed-string">Geo-partitioning with Vitess</span></h2>
    </ytm-slim-video-metadata-section-renderer>
    <ytm-item-section-renderer section-identifier="related-items"></ytm-item-section-renderer>
  </ytm-single-column-watch-next-results-renderer></ytm-watch></ytm-app>`;

describe('reading the mobile site (m.youtube.com)', () => {
  it('reads the title from the slim metadata, and never the placeholder "YouTube"', () => {
    expect(readVideoTitle(page(MOBILE))).toBe('Geo-partitioning with Vitess');
    expect(readVideoTitle(page('<ytm-app></ytm-app>', 'YouTube'))).toBe('');
    expect(readVideoTitle(page('<ytm-app></ytm-app>', 'Geo-partitioning with Vitess - YouTube'))).toBe(
      'Geo-partitioning with Vitess',
    );
  });

  it('puts the panel between the metadata and the related videos, and knows when it is there', () => {
    const doc = page(MOBILE);
    const anchor = findPanelAnchor(doc);
    expect(anchor).toMatchObject({ place: 'mobile', position: 'before' });
    const host = doc.createElement('talkmark-panel');
    if (!anchor) throw new Error('no anchor');
    expect(isAtAnchor(host, anchor)).toBe(false);
    insertAtAnchor(host, anchor);
    expect(isAtAnchor(host, anchor)).toBe(true);
    const column = doc.querySelector('ytm-single-column-watch-next-results-renderer');
    expect([...(column?.children ?? [])].map((child) => child.tagName.toLowerCase())).toEqual([
      'ytm-slim-video-metadata-section-renderer',
      'talkmark-panel',
      'ytm-item-section-renderer',
    ]);
  });

  it('goes after the metadata while the related videos have not rendered yet', () => {
    const doc = page(MOBILE);
    doc.querySelector('[section-identifier="related-items"]')?.remove();
    expect(findPanelAnchor(doc)).toMatchObject({ place: 'mobile', position: 'after' });
  });
});

describe('the page’s theme', () => {
  it('is dark on html[dark] (desktop) and html[darker-dark-theme] (mobile), light otherwise', () => {
    const desktop = page('');
    desktop.documentElement.setAttribute('dark', '');
    expect(readPageTheme(desktop)).toBe('dark');
    const mobile = page('');
    mobile.documentElement.setAttribute('darker-dark-theme', '');
    expect(readPageTheme(mobile)).toBe('dark');
    expect(readPageTheme(page(''))).toBe('light');
  });
});
