// Generates a synthetic data file of ?n= events for the benchmark page, and hands it to the
// widget before the element upgrades, so the first render includes parsing it.
const n = Number(new URLSearchParams(location.search).get('n') || 1000);
const kinds = ['monitoring-visit', 'monitoring-visit', 'monitoring-visit', 'inspection', 'other'];
const tones = ['positive', 'negative', 'mixed', 'neutral'];
const events = [];
const pad = (v) => String(v).padStart(2, '0');
for (let i = 0; i < n; i++) {
  const year = 2000 + Math.floor((i * 30) / n);
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
  events.push(e);
}
events.push({ id: 'next', kind: 'reinspection', title: 'Next', status: 'expected' });
const data = { version: 1, title: `${n} generated events`, events };
window.__benchData = JSON.stringify(data);
document.getElementById('w').data = window.__benchData;
