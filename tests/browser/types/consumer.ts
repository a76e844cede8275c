// A page's TypeScript using the package as a developer would, with no casts: compiled with
// `tsc --strict --noEmit` by bundlers.test.mjs. Each line is something that once failed.
import type { ErrorDetail, InspectionTimeline, TimelineData, TimelineEvent, Finding, Problem } from 'inspection-timeline';
import 'inspection-timeline';
import 'inspection-timeline/frame';

const el = document.querySelector('inspection-timeline')!;
const same: InspectionTimeline = el;

// The element's own events, typed.
el.addEventListener('render', (e) => e.detail.events.toFixed());
el.addEventListener('warning', (e) => e.detail.warnings.map((w: Problem) => w.path));
el.addEventListener('viewchange', (e) => e.detail?.start.toUpperCase());
// A typed handler is added and removed.
const onError = (e: CustomEvent<ErrorDetail>) => {
  for (const p of e.detail.problems) p.line.toFixed();
  return e.detail.more;
};
el.addEventListener('error', onError);
el.removeEventListener('error', onError);
// The standard events keep their types, as on any element.
el.addEventListener('click', (e) => e.clientX);
el.addEventListener('keydown', (e) => e.key);
document.createElement('div').addEventListener('click', (e) => e.clientX);

// The data reads back typed.
const data: TimelineData | null = el.data;
if (data) {
  const first: TimelineEvent = data.events[0];
  const texts: string[] = (first.findings ?? []).map((f: Finding) => f.text);
  void texts;
}
el.data = {
  version: 1,
  title: 'T',
  events: [{ id: 'a', kind: 'inspection', title: 'A', date: '2023', findings: [{ text: 'x', tone: 'positive' }] }],
};
el.data = '{"version": 1}';
el.subjects = ['bury', 'rochdale'];
const chosen: string[] | null = el.subjects;
el.zoomTo('2022', '2023-02');
const start: string | undefined = el.view?.start;
void same; void chosen; void start;
