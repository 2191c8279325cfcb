/** Drawing with plotly, shared by the panels that own a plot. */
import Plotly from 'plotly.js-dist-min';
import type { Data, Layout } from 'plotly.js-dist-min';
import { PLOT_CONFIG, withAutomargin } from '../charts/layout.js';
import { h } from '../views/dom.js';

/**
 * Draws (or redraws in place) the plot `id`; resolves once plotly has drawn it. A chart with
 * nothing to draw (charts/layout.ts `emptyLayout`: hidden axes) is drawn short, a line for its
 * note instead of an empty frame.
 */
export function drawPlot(id: string, data: Data[], layout: Partial<Layout>): Promise<unknown> {
  const element = document.getElementById(id);
  const empty = layout.xaxis?.visible === false;
  if (element && element.classList.contains('empty') !== empty) {
    element.classList.toggle('empty', empty);
    // plotly.react keeps the size it measured first: a new height needs a new plot.
    Plotly.purge(element);
  }
  return Plotly.react(id, data, withAutomargin(layout), PLOT_CONFIG).then((plot) => {
    // plotly's zoom and pan tools are pointer tools, hidden until hovered: out of the tab order,
    // where the chart's own labelled PNG and SVG buttons are.
    for (const tool of element?.querySelectorAll('.modebar-btn') ?? []) {
      tool.setAttribute('tabindex', '-1');
    }
    return plot;
  });
}

/** Adds the PNG and SVG download buttons of plot `id` to its `.exports[data-plot=id]` holder. */
export function addDownloadButtons(id: string): void {
  const holder = document.querySelector<HTMLElement>(`.exports[data-plot="${id}"]`);
  if (!holder) throw new Error(`index.html has no download holder for #${id}`);
  for (const format of ['png', 'svg'] as const) {
    const button = h('button', {
      type: 'button',
      text: format.toUpperCase(),
      'aria-label': `download ${id} as ${format}`,
    });
    button.addEventListener('click', () => {
      void Plotly.downloadImage(id, {
        format,
        filename: `relkit-${id}`,
        width: 1000,
        height: 600,
      });
    });
    holder.append(button);
  }
}
