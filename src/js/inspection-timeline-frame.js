// For pages that embed the timeline as an iframe but do not use pym.js: sizes every
// <iframe data-inspection-timeline> to the height its content reports with pym's messages.
// Load it with <script src=".../inspection-timeline-frame.js" defer></script>.
// Imported where there is no window (server-side rendering), it does nothing.
(() => {
  if (typeof window === 'undefined') return;
  // The frames fill their column without a border. Set from here, not by a style attribute in
  // the page, so that a Content-Security-Policy without 'unsafe-inline' styles allows it.
  const fit = () => {
    for (const frame of document.querySelectorAll('iframe[data-inspection-timeline]')) {
      if (!frame.style.width) frame.style.width = '100%';
      if (!frame.style.border) frame.style.border = '0';
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fit);
  else fit();
  window.addEventListener('message', (e) => {
    if (typeof e.data !== 'string' || !e.data.startsWith('pymxPYMx')) return;
    const [, , type, value] = e.data.split('xPYMx');
    const height = Number.parseInt(value, 10);
    if (type !== 'height' || !(height > 0 && height < 100000)) return;
    // A frame added after the page loaded is fitted too.
    fit();
    for (const frame of document.querySelectorAll('iframe[data-inspection-timeline]')) {
      // Match by window, not by id: only the frame that sent the message is resized.
      if (frame.contentWindow === e.source) frame.style.height = `${height}px`;
    }
  });
})();
