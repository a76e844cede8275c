/** A date as precise as it is known: `"2023"`, `"2023-Q4"`, `"2023-02"` or `"2023-02-27"`. */
export type DateString = string;

/** One grade of a rating scale. */
export interface Grade {
  id: string;
  label: string;
  /** `#rrggbb` or `#rgb`. */
  color: string;
}

/** One of the services (councils) a file about several is about. */
export interface Subject {
  /** Named by events' `subject` and by the `subjects` attribute: no spaces or commas. */
  id: string;
  label: string;
  /** Its own grades, best first; without it, the file's. */
  scale?: Grade[];
}

/** What inspectors found. */
export interface Finding {
  text: string;
  tone?: 'positive' | 'negative' | 'mixed' | 'neutral';
  /** The text is the regulator's own words. */
  quote?: boolean;
}

export interface Source {
  title: string;
  /** Starts with https:// or http://. */
  url?: string;
  publisher?: string;
  date?: DateString;
}

/** One inspection, visit or other event. */
export interface TimelineEvent {
  id: string;
  kind: 'inspection' | 'monitoring-visit' | 'reinspection' | 'other';
  title: string;
  date?: DateString;
  end?: DateString;
  published?: DateString;
  status?: 'done' | 'expected';
  /** A grade id from the scale. */
  rating?: string;
  summary?: string;
  findings?: Finding[];
  sources?: Source[];
  lane?: string;
  /** The subject's id, in a file with `subjects`. */
  subject?: string;
}

/** A data file, version 1 (docs/DATA.md; the JSON Schema is `inspection-timeline/schema.json`). */
export interface TimelineData {
  $schema?: string;
  version: 1;
  title: string;
  subtitle?: string;
  subject?: string;
  regulator?: string;
  updated?: DateString;
  credit?: string;
  scale?: Grade[];
  subjects?: Subject[];
  events: TimelineEvent[];
}

/** A counted word's forms by plural category, as `Intl.PluralRules#select` names them;
 *  `other` is the form for any category not given. */
export type PluralForms = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;

/** A counted word: one template for every count, or a template for each plural form. */
export type PluralText = string | PluralForms;

/** The widget's words, by key. Templates name their values in braces ("Visit {n}"); README
 *  lists what each key is for. */
export interface TimelineStrings {
  numberWords: string;
  thousandsSeparator: string;
  kindInspection: string;
  kindMonitoringVisit: string;
  kindReinspection: string;
  kindOther: string;
  kindExpected: string;
  laneInspections: string;
  laneMonitoringVisits: string;
  laneOthers: string;
  toneStrength: string;
  toneConcern: string;
  toneMixed: string;
  toneNote: string;
  bandSince: string;
  markVisit: string;
  expected: string;
  expectedUndated: string;
  laneVisits: PluralText;
  rowPublished: string;
  dateNotAnnounced: string;
  rowVisit: string;
  next: string;
  updated: string;
  creditUpdated: string;
  legendCluster: string;
  legendBar: string;
  legendPublished: string;
  period: string;
  events: PluralText;
  severalEvents: string;
  andMore: PluralText;
  cardVisit: string;
  cardTookPlace: string;
  cardDue: string;
  cardCount: string;
  cardPublished: string;
  cardRating: string;
  cardSource: PluralText;
  zoomHint: string;
  closeHint: string;
  openHint: string;
  hintPointer: string;
  hintTouch: string;
  showingWhole: string;
  showingWindow: string;
  describeRated: string;
  describeBy: string;
  describeWhen: string;
  describeOn: string;
  theService: string;
  describeVisits: PluralText;
  describeExpected: string;
  describeExpectedAfter: string;
  describeSubject: string;
  describeTimeline: string;
  subjectsAll: PluralText;
  subjectsFirst: PluralText;
  showAll: PluralText;
  tablePage: PluralText;
  tablePrevious: string;
  tableNext: string;
  tableEvent: string;
  tableWhen: string;
  tablePublished: string;
  tableRating: string;
  tableFindings: string;
  tableSources: string;
  notGiven: string;
  noRating: string;
  chartLoading: string;
  zoomGroup: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  zoomResetLabel: string;
  noticeStale: string;
  noticeFailed: string;
  noticeStopped: string;
  gradeOutstanding: string;
  gradeGood: string;
  gradeRequiresImprovement: string;
  gradeInadequate: string;
}

/** One problem found in a data file. */
export interface Problem {
  /** The field, as `events[3].end`; empty for the file as a whole; `E13 (date)` for a sheet's
   *  cell; `view` or `subjects` for an attribute. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** Line and column of the value in the JSON text (from the start of an inline script; for
   *  a sheet, its row and column), from 1 (0 when not from the text). Lines end at CR, LF or
   *  CRLF, and columns count characters (an emoji is one). */
  line: number;
  column: number;
}

export interface RenderDetail {
  /** Number of events drawn. */
  events: number;
  /** Where the data came from: an inline script, the `src` file, or the `data` property. */
  origin: 'inline' | 'src' | 'data';
}

export interface WarningDetail {
  /** What looks wrong in valid data, each at its place in the file (the first hundred). */
  warnings: Problem[];
  /** How many more warnings there are after those listed. */
  more: number;
}

export interface ErrorDetail {
  /** The problems, in the order of the file: at most the first hundred. */
  problems: Problem[];
  /** How many more problems there are after those listed. */
  more: number;
}

/** A window of time, as calendar dates: `{start: "2022-01-01", end: "2023-12-31"}`. */
export interface ViewWindow {
  start: string;
  end: string;
}

/** The element's own events, with the standard ones of any element. */
export interface InspectionTimelineEventMap extends Omit<HTMLElementEventMap, 'error'> {
  /** Each time a data set has been drawn. */
  render: CustomEvent<RenderDetail>;
  /** When data is invalid or cannot be fetched (the last good chart stays), when the
   *  `subjects` attribute names subjects the data does not have (the others are drawn), or
   *  when the `view` attribute has a date it cannot read (path `view`). */
  error: CustomEvent<ErrorDetail>;
  /** After `render`, when the data is valid but something looks wrong, such as a year far
   *  from all the others ("0223-02 … did you mean 2023-02?"). */
  warning: CustomEvent<WarningDetail>;
  /** After each zoom or pan (and when new data resets the zoom), with the window shown. */
  viewchange: CustomEvent<ViewWindow | null>;
}

/** The `<inspection-timeline>` element. */
export class InspectionTimeline extends HTMLElement {
  /** The data last drawn, or null before the first chart. */
  get data(): TimelineData | null;
  /** Replaces the data (an object, or JSON text); invalid data keeps the current chart and
   *  fires `error`. */
  set data(value: TimelineData | string);
  /** The window of time shown; null before the first chart and in the phone layout. */
  get view(): ViewWindow | null;
  /** Shows the time from the start of `start` to the end of `end`, dates written as in the
   *  data (`"2022"`, `"2023-02"`, `"2023-02-27"`). Throws when a date is not one, or before the
   *  widget has started (listen for `render`); before the chart has a width it waits for one. */
  zoomTo(start: string, end: string): void;
  /** Shows the whole timeline again. */
  resetZoom(): void;
  /** The ids of the subjects shown, in order, as the `subjects` attribute lists them; null
   *  shows every subject (the first eight, with a "Show all" button, when there are more).
   *  Ids the data does not have are reported with `error`, and the others drawn. */
  get subjects(): string[] | null;
  set subjects(ids: readonly string[] | string | null);
  /** The widget's words in use: the page language's table with the newsroom's own over it.
   *  Setting some keys replaces those words and keeps the rest, including words set before;
   *  `null` goes back to the language's own words. */
  get strings(): TimelineStrings;
  set strings(words: Partial<TimelineStrings> | null);
  addEventListener<K extends keyof InspectionTimelineEventMap>(type: K, listener: (this: InspectionTimeline, ev: InspectionTimelineEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof InspectionTimelineEventMap>(type: K, listener: (this: InspectionTimeline, ev: InspectionTimelineEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'inspection-timeline': InspectionTimeline;
  }
}
