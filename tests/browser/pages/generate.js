// Generates a synthetic data file of ?n= events for the benchmark page, and hands it to the
// widget before the element upgrades, so the first render includes parsing it. With
// ?subjects=S the events are shared out among S made-up subjects; ?choose=a,b sets the
// element's `subjects` attribute, and ?deeplink its `deeplink`.
const params = new URLSearchParams(location.search);
const n = Number(params.get('n') || 1000);
const subjectCount = Number(params.get('subjects') || 0);
const kinds = ['monitoring-visit', 'monitoring-visit', 'monitoring-visit', 'inspection', 'other'];
const tones = ['positive', 'negative', 'mixed', 'neutral'];
const events = [];
const pad = (v) => String(v).padStart(2, '0');
for (let i = 0; i < n; i++) {
  const year = 1996 + Math.floor((i * 30) / n);
  const month = 1 + (i * 7) % 12;
  const day = 1 + (i * 13) % 28;
  const kind = kinds[i % kinds.length];
  const e = {
    id: `e${i}`,
    kind,
    title: `Event ${i + 1}`,
    date: i % 3 === 0 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`,
    summary: `Summary of event ${i + 1}, long enough to wrap over a couple of lines in the card.`,
    findings: [0, 1, 2].map((k) => ({ text: `Finding ${k + 1} of event ${i + 1}`, tone: tones[(i + k) % 4], quote: k === 0 })),
    sources: [{ title: `Report ${i + 1}`, url: `https://example.org/reports/${i}` }],
  };
  if (kind === 'inspection') e.rating = ['good', 'requires-improvement', 'inadequate'][i % 3];
  if (subjectCount) e.subject = `s${i % subjectCount}`;
  events.push(e);
}
const next = { id: 'next', kind: 'reinspection', title: 'Next', status: 'expected' };
if (subjectCount) next.subject = 's0';
events.push(next);
const data = { version: 1, title: `${n} generated events`, events };
if (subjectCount) {
  data.title = `SAMPLE DATA: ${n} generated events of ${subjectCount} fictional subjects`;
  data.subjects = Array.from({ length: subjectCount }, (_, k) => ({ id: `s${k}`, label: `Sample council ${k + 1} (fictional)` }));
}
window.__benchData = JSON.stringify(data);
const el = document.getElementById('w');
if (params.get('choose')) el.setAttribute('subjects', params.get('choose'));
if (params.has('deeplink')) el.setAttribute('deeplink', '');
el.data = window.__benchData;
