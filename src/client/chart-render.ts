import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration, ChartType, Plugin } from 'chart.js';
import type { ChartPayload } from './chart-element.ts';

// Only the parts the site's charts use.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);

// Colours with at least 3:1 contrast on white; each series also has its own dash and point style,
// and every value is written on the chart (or, on a crowded one, in the table beside it), so colour
// never carries meaning alone.
const COLOURS = ['#13622c', '#0a4a94', '#9e1b1b', '#6b4e00', '#5b2a86', '#4d4d4d'];
const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 2]];

const valueLabels: Plugin = {
  id: 'appValueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const isLine = 'type' in chart.config && chart.config.type === 'line';
    const onLine = (dataset: object) => isLine || (dataset as { type?: string }).type === 'line';
    // Numbers as the page's language writes them (53,66 in Vietnamese), as the table and the axis do.
    const format = new Intl.NumberFormat(chart.options.locale);
    // Where two values on lines would be written over each other (a reported figure beside the registry's
    // on the same date), the second goes below its point, or, if that is taken too, is left to the
    // table and the tooltip. A point's mark is drawn at its radius; a value is written clear of every
    // mark, its own among them, and within the canvas.
    type Box = { left: number; top: number; right: number; bottom: number };
    const taken: Box[] = [];
    const free = (box: Box) => box.top >= 0 && box.bottom <= chart.height && taken.every((t) => box.right <= t.left || box.left >= t.right || box.bottom <= t.top || box.top >= t.bottom);
    const radius = (element: object) => (element as { options?: { radius?: number } }).options?.radius ?? 0;
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden || !onLine(dataset)) return;
      for (const element of meta.data) {
        // A label with no value has no mark (Chart.js skips it, and its place is not a number).
        if ((element as { skip?: boolean }).skip || !Number.isFinite(element.x) || !Number.isFinite(element.y)) continue;
        const r = radius(element);
        if (r > 0) taken.push({ left: element.x - r, right: element.x + r, top: element.y - r, bottom: element.y + r });
      }
    });
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      const pointOnLine = onLine(dataset);
      meta.data.forEach((element, j) => {
        const value = dataset.data[j];
        if (typeof value !== 'number' || value === 0) return;
        const text = format.format(value);
        // On a bar or slice, in its middle in white (bars and arcs have a centre; the base Element type
        // does not declare it).
        if (!pointOnLine) {
          const centre = (element as unknown as { getCenterPoint: (final: boolean) => { x: number; y: number } }).getCenterPoint.call(element, true);
          ctx.fillStyle = '#ffffff';
          ctx.fillText(text, centre.x, centre.y);
          return;
        }
        // On a line, in dark, above the point, else below it.
        const position = element.tooltipPosition(true);
        const [x, y] = [position.x ?? 0, position.y ?? 0];
        const half = ctx.measureText(text).width / 2;
        const clear = radius(element) + 8;
        const at = [y - clear, y + clear].map((middle) => ({ left: x - half, right: x + half, top: middle - 7, bottom: middle + 7 })).find(free);
        if (!at) return;
        taken.push(at);
        ctx.fillStyle = '#1a1a1a';
        ctx.fillText(text, x, (at.top + at.bottom) / 2);
      });
    });
    ctx.restore();
  },
};

/**
 * Past this many categories (a chart over a province's whole history has a date for each report),
 * values written on the chart would overlap into a smear, and so would the points' marks: the chart
 * then shows its lines with small marks, and the values are in the table and the tooltips.
 */
const MOST_LABELLED = 24;

/** Draws a chart from the numbers of the table it enhances. */
export function renderChart(canvas: HTMLCanvasElement, payload: ChartPayload): Chart {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const stacked = payload.kind === 'stacked-bar';
  const crowded = payload.labels.length > MOST_LABELLED;
  const type = payload.kind === 'stacked-bar' ? 'bar' : payload.kind;
  const datasets: ChartConfiguration['data']['datasets'] =
    payload.kind === 'doughnut'
      ? [{ label: payload.title, data: payload.series.map((s) => s.values[0] ?? 0), backgroundColor: payload.series.map((s) => COLOURS[s.style % COLOURS.length]!), borderColor: '#ffffff', borderWidth: 2 }]
      : payload.series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: COLOURS[s.style % COLOURS.length],
          backgroundColor: COLOURS[s.style % COLOURS.length],
          borderDash: DASHES[s.style % DASHES.length],
          borderWidth: 2,
          pointStyle: ['circle', 'rect', 'triangle', 'rectRot', 'star', 'cross'][s.style % 6] as 'circle',
          pointRadius: crowded ? 0 : 4,
          spanGaps: true,
        }));
  const groups = [...new Set((payload.points ?? []).map((p) => p.group))];
  groups.forEach((group, i) => {
    // The first figure reported for a date, as in the table.
    const points = new Map<string, number>();
    for (const p of payload.points!) if (p.group === group && !points.has(p.label)) points.set(p.label, p.value);
    datasets.push({
      type: 'line',
      label: group,
      data: payload.labels.map((label) => points.get(label) ?? null),
      borderColor: '#1a1a1a',
      backgroundColor: '#ffffff',
      pointStyle: i === 0 ? 'rectRot' : 'triangle',
      pointRadius: crowded ? 3 : 7,
      pointBorderWidth: crowded ? 1 : 2,
      showLine: false,
    });
  });
  const config: ChartConfiguration = {
    type,
    data: { labels: payload.kind === 'doughnut' ? payload.series.map((s) => s.label) : payload.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 400 },
      locale: payload.locale,
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, font: { size: 13 } } }, tooltip: { enabled: true } },
      scales: payload.kind === 'doughnut' ? {} : { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
    },
    plugins: crowded ? [] : [valueLabels],
  };
  // The chart's type named, not inferred: inferring it from the configuration had TypeScript relate
  // it to every kind of chart's, some 3 s of every type check.
  return new Chart<ChartType>(canvas, config);
}
