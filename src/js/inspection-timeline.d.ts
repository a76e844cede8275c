/** One problem found in a data file. */
export interface Problem {
  /** The field, as `events[3].end`; empty for the file as a whole. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** Line and column of the value in the JSON text, from 1 (0 when not from the text). */
  line: number;
  column: number;
}

export interface RenderDetail {
  /** Number of events drawn. */
  events: number;
  /** Where the data came from: an inline script, the `src` file, or the `data` property. */
  origin: 'inline' | 'src' | 'data';
}

export interface ErrorDetail {
  problems: Problem[];
}

/** The `<inspection-timeline>` element. */
export class InspectionTimeline extends HTMLElement {
  /** The data last drawn, or null before the first chart. */
  get data(): object | null;
  /** Replaces the data; invalid data keeps the current chart and fires `error`. */
  set data(value: object | string);
  addEventListener(type: 'render', listener: (ev: CustomEvent<RenderDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'error', listener: (ev: CustomEvent<ErrorDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'inspection-timeline': InspectionTimeline;
  }
}
