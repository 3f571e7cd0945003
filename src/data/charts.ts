// Every chart of the site, computed once per build from the same model as progress.json.
import { model, paths } from './content.ts';
import type { ChartData } from '../lib/charts/types.ts';
import { toStatusChartData } from '../lib/charts/status-breakdown.ts';
import { toProgressOverTimeData } from '../lib/charts/progress-over-time.ts';
import { toByCategoryData, toByUnitData } from '../lib/charts/by-unit.ts';
import { toNationalVsProvinceData } from '../lib/charts/national-vs-province.ts';
import { toDeadlinesData } from '../lib/charts/deadlines.ts';
import { localise } from '../lib/text.ts';
import { translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

const number = (id: string) => model.programmes.find((p) => p.id === id)?.number ?? id;
const named = (data: ChartData, programme: string): ChartData => ({ ...data, captionParams: { ...data.captionParams, programme: number(programme) } });

/** Charts of one programme: its state as of today, and its progress over time with reported figures. */
export const programmeCharts = new Map(
  model.programmes.map((p) => [p.id, [named(toStatusChartData(model, p.id), p.id), named(toProgressOverTimeData(model, p.id), p.id)]]),
);

/** Charts across programmes. */
export const siteCharts: ChartData[] = [toByUnitData(model), toByCategoryData(model), toNationalVsProvinceData(model), toDeadlinesData(model, 12)];

/** Every chart, by id. */
export const chartsById = new Map([...[...programmeCharts.values()].flat(), ...siteCharts].map((chart) => [chart.id, chart]));

/** Names of the ids a chart can have as labels: units, categories and programmes. */
export function chartLabelText(lang: string): (label: string) => string {
  const t = translator(lang);
  const units = new Map(model.units.map((u) => [u.id, localise(u.short ?? u.name, lang, paths.defaultLocale)]));
  return (label) => {
    if (units.has(label)) return units.get(label)!;
    const category = t(`category.${label}` as UiKey);
    if (category !== `category.${label}`) return category;
    return number(label);
  };
}
