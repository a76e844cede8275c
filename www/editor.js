// The newsroom's editor: JSON text on the left, the widget at phone and desktop widths on the
// right. Validation is the widget's own (the same Rust validator as the command line), so the
// problems listed here are word for word what `inspection-timeline validate` prints.

const $ = (id) => document.getElementById(id);
const text = $('text');
const gutter = $('gutter');
const problemsList = $('problems');
const status = $('status');
const notice = $('notice');
const previews = [$('phone'), $('desktop')];
const form = $('event-form');

let filename = 'bury-childrens-services.json';
let lastValid = null;
let timer = null;
let editorModule = null;
/** The data last read from a sheet, and what the sheet reader warned of, by cell. */
let fromSheet = null;

/** The export functions live in a separate build so readers never download them. */
async function exports() {
  if (!editorModule) {
    const m = await import('../pkg/editor/inspection_timeline.js');
    await m.default({ module_or_path: new URL('../pkg/editor/inspection_timeline_bg.wasm', import.meta.url) });
    editorModule = m;
  }
  return editorModule;
}

function say(message) {
  notice.textContent = message;
}

/** The name pasted data downloads as: never that of a file opened before, which it would
 *  overwrite in the data folder. */
const PASTED = 'timeline.json';

function setName(name) {
  filename = name;
  $('filename').textContent = `(${name})`;
}

function setText(value, name) {
  text.value = value;
  if (name) setName(name);
  renumber();
  update();
}

/** How many line numbers the gutter holds: it is written again only when that changes, since
 *  writing tens of thousands of them on every key would make a long file slow to type in. */
let numbered = 0;

function renumber() {
  const value = text.value;
  let lines = 1;
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) lines++;
  if (lines !== numbered) {
    let out = '';
    for (let i = 1; i <= lines; i++) out += `${i}\n`;
    gutter.textContent = out;
    numbered = lines;
  }
  gutter.scrollTop = text.scrollTop;
}

function update() {
  clearTimeout(timer);
  timer = null;
  for (const p of previews) p.data = text.value;
}

text.addEventListener('input', () => {
  renumber();
  clearTimeout(timer);
  // The previews follow a pause in typing; a long file, which takes them longer to draw,
  // waits for a longer pause (a quarter of a second, up to a second and a half for 1.5 MB).
  timer = setTimeout(update, Math.min(1500, Math.max(250, text.value.length / 1000)));
});
text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });

// ---- Which subjects the previews show, as the embed's `subjects` attribute would.

const subjectsInput = $('subjects');
const subjectsNote = $('subjects-note');
const SUBJECTS_HINT = subjectsNote.innerHTML;

/** The ids typed in "Subjects shown", or null for all. */
function chosenSubjects() {
  const ids = subjectsInput.value.split(',').map((s) => s.trim()).filter(Boolean);
  return ids.length ? ids : null;
}

subjectsInput.addEventListener('input', () => {
  subjectsNote.innerHTML = SUBJECTS_HINT;
  subjectsNote.classList.remove('bad');
  for (const p of previews) p.subjects = chosenSubjects();
});

/** Problems that come from "Subjects shown" rather than the data: ids the data lacks. */
const aboutSubjects = (p) => p.path === 'subjects' && !p.line;

// The desktop preview reports for both: they get the same text.
previews[1].addEventListener('render', (e) => {
  lastValid = text.value;
  problemsList.replaceChildren();
  status.className = 'status ok';
  // The file's events (the previews may show only some subjects' of them).
  let n = e.detail.events;
  try { n = JSON.parse(text.value).events.length; } catch { /* valid JSON by now */ }
  status.textContent = `Valid: ${n} event${n === 1 ? '' : 's'}. The previews show this version.`;
  subjectsNote.innerHTML = SUBJECTS_HINT;
  subjectsNote.classList.remove('bad');
  refreshSubjects();
  refreshRatings();
  // Data just read from a sheet: what looks wrong is listed by cell, the sheet's own notes
  // (a column without a name, months a spreadsheet turned into days) with the validator's.
  if (fromSheet?.json === text.value && fromSheet.warnings.length) {
    const n = fromSheet.warnings.length;
    status.className = 'status warn';
    status.textContent += ` ${n.toLocaleString('en-GB')} thing${n === 1 ? '' : 's'} to check in the sheet, below.`;
    // The first hundred, as for problems.
    const more = Math.max(0, n - 100);
    const rest = more ? [Object.assign(document.createElement('li'), {
      className: 'warning', textContent: `and ${more.toLocaleString('en-GB')} more warning${more === 1 ? '' : 's'}`,
    })] : [];
    problemsList.replaceChildren(...fromSheet.warnings.slice(0, 100).map((w) => cellItem(w, true)), ...rest);
  }
});
previews[1].addEventListener('error', (e) => {
  // Ids the data does not have: the previews draw the others; said beside the field.
  const subjectProblems = e.detail.problems.filter(aboutSubjects);
  if (subjectProblems.length) {
    subjectsNote.textContent = subjectProblems.map((p) => p.message.replace(/^./, (c) => c.toUpperCase())).join(' ');
    subjectsNote.classList.add('bad');
  }
  const problems = e.detail.problems.filter((p) => !aboutSubjects(p));
  if (!problems.length) return;
  showProblems(problems, e.detail.more || 0);
  // The newsroom's build says more than the reader's (the form of a date typed by hand, say):
  // once it has loaded, its messages replace these, for the same text.
  const checked = text.value;
  exports().then((m) => {
    if (text.value !== checked || lastValid === checked) return;
    const all = m.validate(checked).filter((p) => !aboutSubjects(p));
    if (all.length) showProblems(all.slice(0, 100), Math.max(0, all.length - 100));
  }).catch(() => { /* the reader's messages stay */ });
});

/** Lists `problems` (the first hundred) and says how many more there are. */
function showProblems(problems, moreCount) {
  status.className = 'status bad';
  const total = problems.length + moreCount;
  status.textContent = `${total.toLocaleString('en-GB')} problem${total === 1 ? '' : 's'} to fix. ` +
    (lastValid === null ? 'Nothing can be shown until they are fixed.' : 'The previews keep the last valid version.');
  const more = moreCount ? [Object.assign(document.createElement('li'), {
    textContent: `and ${moreCount.toLocaleString('en-GB')} more problem${moreCount === 1 ? '' : 's'}`,
  })] : [];
  problemsList.replaceChildren(...problems.map((p) => problemItem(p)), ...more);
}
// Valid, but something looks wrong: listed as warnings under the status, the chart drawn.
previews[1].addEventListener('warning', (e) => {
  // Data read from a sheet has its warnings listed by cell already.
  if (fromSheet?.json === text.value) return;
  const more = e.detail.more || 0;
  const n = e.detail.warnings.length + more;
  status.className = 'status warn';
  status.textContent += ` ${n.toLocaleString('en-GB')} thing${n === 1 ? '' : 's'} to check below.`;
  const rest = more ? [Object.assign(document.createElement('li'), {
    className: 'warning', textContent: `and ${more.toLocaleString('en-GB')} more warning${more === 1 ? '' : 's'}`,
  })] : [];
  problemsList.replaceChildren(...e.detail.warnings.map((w) => problemItem(w, true)), ...rest);
});

/** A list item for a problem (or a warning) that puts the cursor on its place when clicked. */
function problemItem(p, warning = false) {
  const li = document.createElement('li');
  if (warning) li.className = 'warning';
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.line = p.line;
  b.dataset.column = p.column;
  const where = p.line ? `Line ${p.line}, column ${p.column}` : 'File';
  b.textContent = `${warning ? 'Warning: ' : ''}${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
  b.addEventListener('click', () => jump(p.line, p.column));
  li.append(b);
  return li;
}

/** Puts the cursor on the problem's value and scrolls it into view. */
function jump(line, column) {
  if (!line) return;
  // Lines end at CR, LF or CRLF, and columns count characters (an emoji is one), as the
  // validator counts them; the text box counts UTF-16 units.
  const value = text.value;
  const breaks = /\r\n|\r|\n/g;
  let offset = 0;
  for (let i = 1; i < line && breaks.exec(value); i++) offset = breaks.lastIndex;
  breaks.lastIndex = offset;
  const end = breaks.exec(value)?.index ?? value.length;
  const before = [...value.slice(offset, end)].slice(0, Math.max(0, column - 1)).join('');
  const start = offset + before.length;
  text.focus();
  text.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 18;
  text.scrollTop = Math.max(0, (line - 4) * lineHeight);
  gutter.scrollTop = text.scrollTop;
}

/** Loads `name` from the data folder into the editor; `what` names it in messages. */
async function loadData(name, what) {
  try {
    const res = await fetch(`data/${name}`, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    setText(await res.text(), name);
    say(`Loaded ${what}.`);
  } catch (e) {
    say(`Could not load ${what}: ${e.message}`);
  }
}

const loadBury = () => loadData('bury-childrens-services.json', 'the Bury data');

async function openFile(file) {
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A workbook (a zip archive, whatever its name) goes to the sheet reader, which says how to
  // save it as a sheet; so does a .txt file (Excel's "Text" and "Unicode Text") unless it
  // holds JSON.
  const workbook = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  if (workbook || /\.(csv|tsv|tab|txt|xlsx|xls|ods)$/i.test(file.name)) {
    // Excel writes CSV in Windows-1252 and "Unicode text" in UTF-16: the newsroom build reads
    // each, and says when it had to guess.
    const { text: sheet, note } = (await exports()).decodeSheet(bytes);
    if (!workbook && /\.txt$/i.test(file.name) && /^\uFEFF?\s*[{[]/.test(sheet)) {
      setText(sheet, file.name.replace(/\.txt$/i, '.json'));
      say(`Opened ${file.name}.`);
      return;
    }
    await importSheet(sheet, file.name);
    if (note) say(`${notice.textContent} Note: ${note}.`);
    return;
  }
  // A data file must be UTF-8: one that is not is refused as the command line refuses it,
  // and what is in the editor stays.
  let data;
  try {
    data = (await exports()).dataText(bytes);
  } catch (e) {
    say(`Could not open ${file.name}: ${e}`);
    return;
  }
  setText(data, file.name);
  say(`Opened ${file.name}.`);
}

// ---- A sheet: cells pasted from Google Sheets, Excel or LibreOffice (tab-separated on the
// clipboard), or a CSV or TSV file, become the data; its problems are listed by cell.

/** Whether a line of a sheet names the columns: as the sheet reader finds its header row, it
 *  has an `id` and a `title` cell (split by tabs, commas or semicolons). */
const isHeader = (line) => {
  const cells = line.split(/[\t,;]/).map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  return cells.includes('id') && cells.includes('title');
};

/** Whether pasted text is a spreadsheet's cells (or a CSV's text) rather than JSON: a row that
 *  names the columns, or several tab-separated rows with nothing of JSON's "name": in them. A
 *  line copied from a tab-indented JSON file, or two neighbouring cells, are pasted as text. */
const looksLikeSheet = (s) => {
  if (/^\s*[{[]/.test(s)) return false;
  if (s.split(/\r\n|\r|\n/, 60).some(isHeader)) return true;
  return s.includes('\t') && /\S[\r\n]+\S/.test(s.trim()) && !/"[^"\r\n]*"\s*:/.test(s);
};

/** Reads `sheet` (named `name`, or pasted) into the data, or lists its problems by cell and
 *  leaves the text, and so the previews, as they were. */
async function importSheet(sheet, name) {
  let result;
  try {
    result = (await exports()).importSheet(sheet, name || null);
  } catch (e) {
    return say(`Could not read the sheet: ${e.message || e}`);
  }
  const what = name || 'the pasted cells';
  if (typeof result.json === 'string') {
    fromSheet = { json: result.json, warnings: result.warnings };
    setText(result.json, name ? name.replace(/\.(csv|tsv|tab|txt)$/i, '.json') : PASTED);
    say(`Read ${what} into the data. Download JSON to publish it.`);
    return;
  }
  const n = result.problems.length;
  status.className = 'status bad';
  status.textContent = `${n.toLocaleString('en-GB')} problem${n === 1 ? '' : 's'} in ${what}: fix ${n === 1 ? 'it' : 'them'} in the sheet and paste or open it again. ` +
    (lastValid === null ? 'Nothing can be shown until then.' : 'The previews keep the last valid version.');
  problemsList.replaceChildren(...result.problems.map((p) => cellItem(p)));
  say(`${name ? `${name} has` : 'The pasted cells have'} problems; the data was not changed.`);
}

/** A list item for a sheet's problem or warning, named by its cell ("D7 (date): …"). */
function cellItem(p, warning = false) {
  const li = document.createElement('li');
  li.className = warning ? 'cell warning' : 'cell';
  li.textContent = `${warning ? 'Warning: ' : ''}${p.cell}${p.field ? ` (${p.field})` : ''}: ${p.message}`;
  return li;
}

text.addEventListener('paste', (e) => {
  const pasted = e.clipboardData?.getData('text/plain') ?? '';
  if (!looksLikeSheet(pasted)) {
    // JSON pasted over the whole text is another file: it is no longer the one opened, and
    // downloading it must not take (and overwrite) that file's name.
    if (text.value && text.selectionStart === 0 && text.selectionEnd === text.value.length) {
      setName(PASTED);
    }
    return;
  }
  e.preventDefault();
  importSheet(pasted, null);
});

$('open').addEventListener('change', (e) => openFile(e.target.files[0]));
$('bury').addEventListener('click', loadBury);
// Three made-up councils, to try a file about several subjects without touching real ones.
$('sample').addEventListener('click', () => loadData('sample-councils.json', 'the sample councils (fictional)'));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  openFile(e.dataTransfer.files[0]);
});

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

const base = () => filename.replace(/\.json$/i, '');

$('download').addEventListener('click', () => {
  download(new Blob([text.value], { type: 'application/json' }), filename);
  say(lastValid === text.value ? `Downloaded ${filename}.` : `Downloaded ${filename}. It still has problems: fix them before publishing.`);
});

$('copy').addEventListener('click', async () => {
  const pkg = new URL('../pkg/inspection-timeline.js', location.href).href;
  const snippet = `<inspection-timeline src="data/${filename}"></inspection-timeline>\n<script type="module" src="${pkg}"></script>`;
  try {
    await navigator.clipboard.writeText(snippet);
  } catch {
    // Without clipboard permission, fall back to a selection the browser can copy.
    const area = document.createElement('textarea');
    area.value = snippet;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  say(`Copied the embed snippet. Upload ${filename} to the data folder beside the article.`);
});

$('svg').addEventListener('click', async () => {
  if (lastValid === null) return say('There is no valid chart to export yet.');
  try {
    const m = await exports();
    download(new Blob([m.exportSvg(lastValid, 720, 1, chosenSubjects())], { type: 'image/svg+xml' }), `${base()}.svg`);
    say(`Exported ${base()}.svg.`);
  } catch (e) {
    say(`Could not export the SVG: ${e.message || e}`);
  }
});

$('png').addEventListener('click', async () => {
  if (lastValid === null) return say('There is no valid chart to export yet.');
  try {
    const m = await exports();
    const canvas = document.createElement('canvas');
    m.drawFrame(lastValid, canvas, 720, 2, chosenSubjects());
    canvas.toBlob((blob) => {
      download(blob, `${base()}.png`);
      say(`Exported ${base()}.png.`);
    }, 'image/png');
  } catch (e) {
    say(`Could not export the PNG: ${e.message || e}`);
  }
});

// ---- The form that adds an event.

const DATE_INPUTS = {
  none: () => [],
  year: () => [Object.assign(document.createElement('input'), { type: 'number', min: 1900, max: 2100, placeholder: '2024', ariaLabel: 'Year' })],
  quarter: () => {
    const year = Object.assign(document.createElement('input'), { type: 'number', min: 1900, max: 2100, placeholder: '2024', ariaLabel: 'Year' });
    const q = document.createElement('select');
    q.ariaLabel = 'Quarter';
    for (const n of [1, 2, 3, 4]) q.append(new Option(`Q${n}`, `Q${n}`));
    return [year, q];
  },
  // Browsers without a month picker (Firefox, Safari on a Mac) show a text box: the
  // placeholder gives its form.
  month: () => [Object.assign(document.createElement('input'), { type: 'month', ariaLabel: 'Month', placeholder: '2024-03', pattern: '\\d{4}-\\d{2}' })],
  day: () => [Object.assign(document.createElement('input'), { type: 'date', ariaLabel: 'Day' })],
};

function dateInputs(fieldset) {
  const precision = fieldset.querySelector('select').value;
  fieldset.querySelector('.inputs').replaceChildren(...DATE_INPUTS[precision]());
}

function dateValue(fieldset) {
  const precision = fieldset.querySelector('select').value;
  const inputs = [...fieldset.querySelectorAll('.inputs input, .inputs select')];
  if (precision === 'none') return undefined;
  if (precision === 'quarter') return inputs[0].value ? `${inputs[0].value}-${inputs[1].value}` : '';
  return inputs[0].value;
}

for (const fs of form.querySelectorAll('fieldset.date')) {
  fs.querySelector('select').addEventListener('change', () => dateInputs(fs));
  dateInputs(fs);
}

function addRow(templateId, container) {
  const row = $(templateId).content.firstElementChild.cloneNode(true);
  row.querySelector('.remove').addEventListener('click', () => row.remove());
  $(container).append(row);
  return row;
}
$('add-finding').addEventListener('click', () => addRow('finding-row', 'findings'));
$('add-source').addEventListener('click', () => addRow('source-row', 'sources'));

/** The last valid data as an object, or null. */
function lastDoc() {
  try {
    return JSON.parse(lastValid);
  } catch {
    return null;
  }
}

/** Offers the data's subjects in the form, when it lists them. */
function refreshSubjects() {
  const select = form.elements.subject;
  const current = select.value;
  const subjects = lastDoc()?.subjects || [];
  $('subject-field').hidden = subjects.length === 0;
  select.replaceChildren(...subjects.map((s) => new Option(`${s.label} (${s.id})`, s.id)));
  if (subjects.some((s) => s.id === current)) select.value = current;
}
form.elements.subject.addEventListener('change', () => refreshRatings());

function refreshRatings() {
  const select = form.elements.rating;
  const current = select.value;
  let scale = [
    { id: 'outstanding', label: 'Outstanding' }, { id: 'good', label: 'Good' },
    { id: 'requires-improvement', label: 'Requires improvement' }, { id: 'inadequate', label: 'Inadequate' },
  ];
  // The chosen subject's own scale, else the file's, else Ofsted's four.
  const doc = lastDoc();
  const subject = doc?.subjects?.find((s) => s.id === form.elements.subject.value);
  scale = subject?.scale || doc?.scale || scale;
  select.replaceChildren(new Option('No rating', ''), ...scale.map((g) => new Option(g.label, g.id)));
  select.value = current;
}

/** The form's name for the field a problem's path (`events[7].sources[0].url`) points at. */
function formField(path) {
  const [, list, n, field] = path.match(/^events\[\d+\](?:\.(findings|sources)\[(\d+)\])?(?:\.(\w+))?/) || [];
  if (list) {
    const what = list === 'findings' ? 'Finding' : 'Source';
    const part = { url: 'web address', title: 'title', publisher: 'publisher', text: 'text', tone: 'tone' }[field];
    return `${what} ${Number(n) + 1}${part ? `, ${part}` : ''}`;
  }
  const fieldset = field && form.querySelector(`fieldset.date[data-field="${field}"] legend`);
  if (fieldset) return fieldset.textContent;
  const names = { kind: 'Kind', status: 'Status', title: 'Title', rating: 'Rating', summary: 'Summary', subject: 'Subject' };
  return names[field] || 'The event';
}

/** A validator's message with the file's field names (`rating`, "status": "expected") in the
 *  form's words (Rating, Status: Expected). */
function formWords(message) {
  const labels = {
    kind: 'Kind', status: 'Status', title: 'Title', rating: 'Rating', summary: 'Summary', subject: 'Subject',
    date: 'When it happened', end: 'When it ended', published: 'When its report was published',
    url: 'web address', publisher: 'publisher', findings: 'Findings', sources: 'Sources',
  };
  return message
    .replace(/"status": "expected"/g, 'Status: Expected')
    .replace(/`(\w+)`/g, (all, field) => (labels[field] ? `“${labels[field]}”` : all));
}

function slug(s) {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'event';
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = $('form-error');
  error.textContent = '';
  let doc;
  try {
    doc = JSON.parse(text.value);
  } catch {
    error.textContent = 'The data above is not valid JSON yet; fix the problems listed before adding an event.';
    return;
  }
  if (!Array.isArray(doc.events)) doc.events = [];
  const f = form.elements;
  const title = f.title.value.trim();
  if (!title) {
    error.textContent = 'Give the event a title.';
    f.title.focus();
    return;
  }
  const ids = new Set(doc.events.map((ev) => ev.id));
  let id = slug(title);
  for (let n = 2; ids.has(id); n++) id = `${slug(title)}-${n}`;
  const ev = { id, kind: f.kind.value, title };
  // In a file about several subjects every event names one.
  if (Array.isArray(doc.subjects) && doc.subjects.length) ev.subject = f.subject.value;
  if (f.status.value === 'expected') ev.status = 'expected';
  for (const fs of form.querySelectorAll('fieldset.date')) {
    const v = dateValue(fs);
    if (v === '') {
      error.textContent = `${fs.querySelector('legend').textContent}: fill in the date, or choose "${fs.querySelector('select').options[0].text}".`;
      fs.querySelector('.inputs input')?.focus();
      return;
    }
    if (v !== undefined) ev[fs.dataset.field] = v;
  }
  if (f.rating.value) ev.rating = f.rating.value;
  if (f.summary.value.trim()) ev.summary = f.summary.value.trim();
  const findings = [...$('findings').children]
    .map((row) => ({
      text: row.querySelector('[name=finding-text]').value.trim(),
      tone: row.querySelector('[name=finding-tone]').value,
      quote: row.querySelector('[name=finding-quote]').checked,
    }))
    .filter((x) => x.text);
  if (findings.length) ev.findings = findings;
  const sources = [...$('sources').children]
    .map((row) => {
      const s = { title: row.querySelector('[name=source-title]').value.trim() };
      const url = row.querySelector('[name=source-url]').value.trim();
      const publisher = row.querySelector('[name=source-publisher]').value.trim();
      if (url) s.url = url;
      if (publisher) s.publisher = publisher;
      return s;
    })
    // A source with only an address or a publisher is kept, for the validator to ask for its
    // title, rather than dropped without a word.
    .filter((s) => s.title || s.url || s.publisher);
  if (sources.length) ev.sources = sources;
  doc.events.push(ev);
  const next = `${JSON.stringify(doc, null, 2)}\n`;

  // Check with the same validator before touching the text, and name the form's fields.
  const m = await exports();
  const problems = m.validate(next).filter((p) => p.path.startsWith(`events[${doc.events.length - 1}]`));
  if (problems.length) {
    // One line each, in the form's words rather than the file's.
    error.textContent = problems.map((p) => `${formField(p.path)}: ${formWords(p.message)}`).join('\n');
    return;
  }
  setText(next);
  // The next event is most likely about the same subject.
  const subject = f.subject.value;
  form.reset();
  f.subject.value = subject;
  for (const fs of form.querySelectorAll('fieldset.date')) dateInputs(fs);
  $('findings').replaceChildren();
  $('sources').replaceChildren();
  say(`Added "${title}" to the data. Download the JSON to keep it.`);
});

loadBury();
