import { parsePeriod, periodKey, toLocalDate } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { figuresOnAnyDate } from './progress.ts';
import type { RegistryTask } from './progress.ts';
import { oncePer } from './memo.ts';

/** A progress figure as a meeting stated it. */
export interface ReportedFigure {
  programme: string;
  scope?: string | undefined;
  period?: string | number | undefined;
  as_of?: IsoDate | undefined;
  total?: number | undefined;
  completed?: number | undefined;
  on_schedule?: number | undefined;
  overdue?: number | undefined;
  percent_completed?: number | undefined;
}

/** The figure fields a meeting may state, in the order data files list them. */
export const FIGURE_FIELDS = ['total', 'completed', 'on_schedule', 'overdue', 'percent_completed'] as const;

/** A figure field a meeting may state. */
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** The counts that are compared with the registry; a percentage never is. */
export const COMPARED_FIELDS = ['total', 'completed', 'on_schedule', 'overdue'] as const;

/** A count that is compared with the registry. */
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The registry's counts that a reported figure is compared with. */
export type RegistryFigures = Record<ComparedField, number>;

/** A reported figure with its defaults filled in: scope, period key and as-of date. */
export interface NormalisedFigure {
  programme: string;
  /** `national` or a jurisdiction id. */
  scope: string;
  /** `cumulative`, a year (`2025`) or a quarter (`2025-Q3`). */
  period: string;
  as_of: IsoDate;
  /** Only the fields the meeting stated. */
  figures: Partial<Record<FigureField, number>>;
}

/** A count on which the meeting and the registry differ. */
export interface FigureDifference {
  field: ComparedField;
  reported: number;
  registry: number;
}

/**
 * Why the registry cannot check a reported figure: it is about another scope (a national figure on a
 * provincial site), its programme's registry holds only the tasks the public record names, or its
 * period cannot be read (the validator reports it, so a published site never has one).
 */
export type NotComparableReason = 'other-scope' | 'partial-registry' | 'invalid-period';

/** How much of a programme's tasks the registry holds. */
export type RegistryCoverage = 'complete' | 'partial';

/** A reported figure beside the registry's figure for the same programme, scope, period and date. */
export interface ReconciledFigure extends NormalisedFigure {
  /**
   * The registry's counts for the same programme, period and date; null when it cannot compute them
   * (another scope, a malformed period). For a partial registry, the counts of its published tasks.
   */
  registry: RegistryFigures | null;
  /** Whether the registry can check the figure at all. */
  comparable: boolean;
  /** Why not, when it cannot. */
  reason?: NotComparableReason;
  /** Null when not comparable; else whether every stated count matches. */
  agrees: boolean | null;
  differences: FigureDifference[];
}

/** An inconsistency within a reported figure, as an i18n-style code with its parameters. */
export interface FigureProblem {
  /** The field the problem is reported at. */
  field: FigureField;
  code: 'partExceedsTotal' | 'partsExceedTotal' | 'percentMismatch';
  params: Record<string, number | string>;
}

const PARTS = ['completed', 'on_schedule', 'overdue'] as const;

/** Fills in a figure's defaults: scope the site's jurisdiction, period `cumulative`, as-of the meeting's date. */
export function normaliseFigure(fig: ReportedFigure, meetingDate: string, jurisdiction: string): NormalisedFigure {
  const period = parsePeriod(fig.period);
  const figures: Partial<Record<FigureField, number>> = {};
  for (const field of FIGURE_FIELDS) {
    const value = fig[field];
    if (value !== undefined) figures[field] = value;
  }
  return {
    programme: fig.programme,
    scope: fig.scope ?? jurisdiction,
    // A malformed period is kept as written; the validator reports it and the registry does not compare it.
    period: period ? periodKey(period) : String(fig.period),
    as_of: fig.as_of ?? toLocalDate(meetingDate),
    figures,
  };
}

/**
 * The registry's figures on any date, made once from a list of tasks for each programme and period:
 * the meetings report figures as of many dates, and each would count every task again.
 */
const figuresMade = oncePer((_tasks: readonly RegistryTask[]) => new Map<string, ReturnType<typeof figuresOnAnyDate>>());

/**
 * Compares a reported figure with the registry's counts for the same programme, period and as-of date.
 * A figure about another scope, or about a programme whose registry is partial, is not comparable:
 * a partial registry's counts say how many of the published tasks stand where, not how far the
 * programme has got.
 */
export function reconcileFigure(
  fig: ReportedFigure,
  meetingDate: string,
  tasks: readonly RegistryTask[],
  jurisdiction: string,
  coverage: RegistryCoverage = 'complete',
): ReconciledFigure {
  const normalised = normaliseFigure(fig, meetingDate, jurisdiction);
  const period = parsePeriod(fig.period);
  if (normalised.scope !== jurisdiction) {
    return { ...normalised, registry: null, comparable: false, reason: 'other-scope', agrees: null, differences: [] };
  }
  if (period === null) {
    return { ...normalised, registry: null, comparable: false, reason: 'invalid-period', agrees: null, differences: [] };
  }
  const made = figuresMade(tasks);
  const key = `${fig.programme}\0${normalised.period}`;
  let figuresOn = made.get(key);
  if (!figuresOn) made.set(key, (figuresOn = figuresOnAnyDate(tasks, fig.programme, period)));
  const { total, completed, on_schedule, overdue } = figuresOn(normalised.as_of);
  const registry: RegistryFigures = { total, completed, on_schedule, overdue };
  if (coverage === 'partial') {
    return { ...normalised, registry, comparable: false, reason: 'partial-registry', agrees: null, differences: [] };
  }
  const differences: FigureDifference[] = [];
  for (const field of COMPARED_FIELDS) {
    const reported = fig[field];
    if (reported !== undefined && reported !== registry[field]) differences.push({ field, reported, registry: registry[field] });
  }
  return { ...normalised, registry, comparable: true, agrees: differences.length === 0, differences };
}

/** Decimal places in a number's shortest written form: 53.66 → 2, 43 → 0, 1e-7 → 7. */
export function statedDecimals(value: number): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** `part` as a percentage of `total`, to two decimals (3 of 11 → 27.27); null for a total of 0. */
export function percentOf(part: number, total: number): number | null {
  return total === 0 ? null : Math.round((part / total) * 10_000) / 100;
}

/** How far a stated percentage may be from the exact one: half a unit of its last decimal (53.66 → 0.005, 43 → 0.5). */
export function percentTolerance(stated: number): number {
  return 0.5 / 10 ** statedDecimals(stated);
}

/** Checks a figure against itself: no part above the total, and a percentage that matches completed / total as precisely as stated. */
export function checkFigureArithmetic(fig: Omit<ReportedFigure, 'programme'>): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const parts = PARTS.filter((part) => fig[part] !== undefined);
  const sum = parts.reduce((acc, part) => acc + (fig[part] ?? 0), 0);
  if (fig.total !== undefined) {
    const total = fig.total;
    const over = parts.filter((part) => (fig[part] ?? 0) > total);
    for (const part of over) problems.push({ field: part, code: 'partExceedsTotal', params: { part, value: fig[part] ?? 0, total } });
    // A part above the total already makes the sum exceed it; say so once.
    if (over.length === 0 && parts.length > 1 && sum > total) {
      problems.push({ field: 'total', code: 'partsExceedTotal', params: { sum, total } });
    }
  }
  const stated = fig.percent_completed;
  if (stated !== undefined && fig.completed !== undefined) {
    const total = fig.total ?? sum;
    const exact = total === 0 ? 0 : (fig.completed / total) * 100;
    const tolerance = percentTolerance(stated);
    // A little slack for binary floating point, so a value exactly half a unit away still passes.
    if (Math.abs(exact - stated) > tolerance + 1e-9) {
      problems.push({
        field: 'percent_completed',
        code: 'percentMismatch',
        params: { stated, computed: Math.round(exact * 10_000) / 10_000, tolerance },
      });
    }
  }
  return problems;
}
