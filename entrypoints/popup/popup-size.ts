import { browser } from '#imports';

// The popup's own size, in rem (see style.css); the browser caps a toolbar popup at 800x600 screen pixels.
const WIDTH_REM = 25;
const HEIGHT_REM = 37.5;
// Phones open the "popup" full screen (Firefox for Android): no toolbar window to size.
const SMALLEST_DESKTOP_SCREEN_PX = 480;

/** Whether this page is the toolbar button's popup on a desktop, as opposed to a tab or a phone's full screen. */
export function isToolbarPopup(): boolean {
  const isPopup = browser.extension.getViews?.({ type: 'popup' }).includes(window) ?? false;
  return isPopup && Math.min(screen.width, screen.height) >= SMALLEST_DESKTOP_SCREEN_PX;
}

/**
 * Sizes the page for where it is shown: a toolbar popup keeps its own size until the browser caps the window
 * below it (200 % zoom, a 24 px default font), and then takes the window's size, so nothing is cut off and only
 * the list scrolls; anywhere else it fills the viewport (the `fluid` class).
 */
export function sizePopup(root: HTMLElement = document.documentElement): void {
  if (!isToolbarPopup()) {
    root.classList.add('fluid');
    return;
  }
  const fitToWindow = () => {
    // Before the browser has sized the window, its viewport says nothing yet.
    if (innerWidth < 100 || innerHeight < 100) return;
    const rem = Number.parseFloat(getComputedStyle(root).fontSize) || 16;
    root.style.setProperty('--popup-width', `${Math.min(WIDTH_REM * rem, innerWidth)}px`);
    root.style.setProperty('--popup-height', `${Math.min(HEIGHT_REM * rem, innerHeight)}px`);
  };
  fitToWindow();
  addEventListener('resize', fitToWindow);
}
