// For pages that embed the timeline as an iframe but do not use pym.js: sizes every
// <iframe data-inspection-timeline> to the height its content reports with pym's messages.
// Load it with <script src=".../inspection-timeline-frame.js" defer></script>.
(() => {
  window.addEventListener('message', (e) => {
    if (typeof e.data !== 'string' || !e.data.startsWith('pymxPYMx')) return;
    const [, , type, value] = e.data.split('xPYMx');
    const height = Number.parseInt(value, 10);
    if (type !== 'height' || !(height > 0 && height < 100000)) return;
    for (const frame of document.querySelectorAll('iframe[data-inspection-timeline]')) {
      // Match by window, not by id: only the frame that sent the message is resized.
      if (frame.contentWindow === e.source) frame.style.height = `${height}px`;
    }
  });
})();
