// <app-chart>: draws the chart of the table beside it, once it scrolls into view.
// chart.js is loaded only then, and only on pages that have a chart.

/** What the page gives the chart: its numbers and the words to show, already translated. */
export interface ChartPayload {
  kind: 'bar' | 'stacked-bar' | 'line' | 'doughnut';
  labels: string[];
  series: Array<{ label: string; values: Array<number | null>; style: number }>;
  /** Figures reported at meetings, drawn as marked points over the series: one group per kind of figure. */
  points?: Array<{ group: string; label: string; value: number }>;
  /** Accessible name of the canvas: the figure's caption. */
  title: string;
  locale: string;
}

class AppChart extends HTMLElement {
  #observer?: IntersectionObserver;

  connectedCallback() {
    const draw = () => {
      this.#observer?.disconnect();
      void import('./chart-render.ts').then(({ renderChart }) => {
        renderChart(this.querySelector('canvas')!, JSON.parse(this.dataset.chart!) as ChartPayload);
        this.classList.add('app-chart--drawn');
      });
    };
    if (!('IntersectionObserver' in window)) return draw();
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw(), { rootMargin: '200px' });
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }
}

customElements.define('app-chart', AppChart);
