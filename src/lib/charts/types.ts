import type { IsoDate } from '../dates.ts';

/** How a chart is drawn. */
export type ChartKind = 'bar' | 'stacked-bar' | 'line' | 'doughnut';

/** What a chart's category labels are: i18n keys, dates, months `YYYY-MM`, ids or plain text. */
export type LabelKind = 'key' | 'date' | 'month' | 'id' | 'text';

/** One series of values, one value per label; null where there is no value for that label. */
export interface ChartSeries {
  /** Stable key such as `completed`, `on_schedule`, `overdue`, `national`. */
  key: string;
  /** I18n key of the series' name. */
  labelKey: string;
  values: Array<number | null>;
  /** Where the series is made of figures that meetings reported: the id of the meeting that reported each value, null where there is no value. */
  meetings?: Array<string | null>;
}

/** A labelled point drawn over the series, e.g. a figure a meeting reported, linked to that meeting. */
export interface ChartPoint {
  /** Key of the series the point belongs beside. */
  seriesKey: string;
  /** I18n key of what the point gives (a count, a scope): the name of its group of points, also where no series of `seriesKey` is drawn. */
  labelKey: string;
  /** The label (category) it sits at. */
  label: string;
  value: number;
  /** Id of the meeting that reported it. */
  meeting: string;
}

/** Serialisable chart data: what a chart component draws and tabulates. */
export interface ChartData {
  /** Stable id, e.g. `status-ctr-97`. */
  id: string;
  kind: ChartKind;
  /** I18n key of the caption. */
  captionKey: string;
  /** Parameters of the caption. */
  captionParams?: Record<string, string | number>;
  /** The date the chart's derived states are computed as of. */
  asOf: IsoDate;
  /** Category labels: keys, dates, months, ids or text, as `labelKind` says. */
  labels: string[];
  labelKind: LabelKind;
  /** I18n key of what the labels are (a date, a month, a unit…): the heading of the chart table's first column. */
  labelsKey: string;
  series: ChartSeries[];
  /** Labelled points, e.g. reported figures. */
  points?: ChartPoint[];
  /** Site-relative path of the data file the chart was drawn from. */
  dataFile: string;
  /** Why there is nothing to draw (an i18n key suffix such as `noTasks`); labels and series are then empty. */
  emptyReason?: string;
}

/** The data file that holds the registry's counts and the reported figures. */
export const PROGRESS_DATA_FILE = 'data/progress.json';

/** The data file that holds every task with its derived flags. */
export const TASKS_DATA_FILE = 'data/tasks.json';

/** The states a counted task is in, in the order charts show them; cancelled tasks are counted apart. */
export const STATUS_KEYS = ['completed', 'on_schedule', 'overdue', 'unknown'] as const;

/** A state a counted task is in. */
export type StatusKey = (typeof STATUS_KEYS)[number];

/** The i18n key naming a count: `count.completed`, `count.on_schedule`, `count.overdue`, `count.unknown`, `count.total`. */
export function countLabelKey(field: StatusKey | 'total'): string {
  return `count.${field}`;
}

/** The chart with nothing to draw: labels, series and points emptied and the reason given. */
export function withEmptyReason<T extends ChartData>(data: T, emptyReason: string): T {
  const empty: T = { ...data, labels: [], series: [], emptyReason };
  delete empty.points;
  return empty;
}

/** Whether the chart has nothing to draw. */
export function isEmptyChart(data: ChartData): boolean {
  return data.emptyReason !== undefined;
}

/** The sum of every series at each label (a stacked bar's height); null values count as nothing. */
export function stackTotals(data: ChartData): number[] {
  return data.labels.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
}

/**
 * Counts per label for each status key, as stacked-bar series; `unknown` only where some task's status
 * no source reports, so that a registry with none has no empty slice for it.
 */
export function statusSeries(countsByLabel: ReadonlyArray<Record<StatusKey, number>>): ChartSeries[] {
  return withoutEmptyUnknown(STATUS_KEYS.map((key) => ({ key, labelKey: countLabelKey(key), values: countsByLabel.map((counts) => counts[key]) })));
}

/** The series without an `unknown` one that is zero throughout. */
export function withoutEmptyUnknown(series: ChartSeries[]): ChartSeries[] {
  return series.filter((s) => s.key !== 'unknown' || s.values.some((v) => v !== null && v !== 0));
}
