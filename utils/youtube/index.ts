// YouTube as a page: every selector in one place, video ids from addresses, the content script's timers.
export * from './page-timers';
export * from './video-follower';
export * from './youtube-page';
export * from './youtube-url';
