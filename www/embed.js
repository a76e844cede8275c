// The iframe embed: www/embed.html?src=DATA.json[&theme=dark][&refresh=5][&lang=fr][&subjects=a,b][&view=2022/2024]
// [&timeout=20][&format=csv].
// It draws the widget and tells the parent page its height with pym.js's messages, so it works
// with pym.Parent or with pkg/inspection-timeline-frame.js on pages without pym.
import '../pkg/inspection-timeline.js';

const params = new URLSearchParams(location.search);
const el = document.querySelector('inspection-timeline');
for (const name of ['theme', 'refresh', 'lang', 'subjects', 'view', 'timeout', 'format']) {
  if (params.get(name)) el.setAttribute(name, params.get(name));
}
if (params.get('src')) {
  el.setAttribute('src', params.get('src'));
} else {
  el.data = { version: 1, title: 'No data', events: [{ id: 'none', kind: 'other', title: 'Add ?src=your-data.json to the address of this page', status: 'expected' }] };
}

// pym.js messages are strings: pymxPYMx{childId}xPYMx{type}xPYMx{value}.
const id = params.get('childId') || '';
let last = -1;
function sendHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage(`pymxPYMx${id}xPYMxheightxPYMx${height}`, '*');
}
new ResizeObserver(sendHeight).observe(document.body);
window.addEventListener('message', (e) => {
  if (typeof e.data !== 'string' || !e.data.startsWith('pymxPYMx')) return;
  const [, messageId, type] = e.data.split('xPYMx');
  // pym.Parent asks with a `width` message; answer with the height even if it is unchanged.
  if (messageId === id && type === 'width') {
    last = -1;
    sendHeight();
  }
});
