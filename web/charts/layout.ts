/**
 * What every plot shares: the base layout the charts' layouts start from, plotly's options, and
 * axes that grow their margin to fit long tick labels. Pure, unit-tested.
 */
import type { Config, Layout } from 'plotly.js-dist-min';

/** Margins, a horizontal legend above the plot and the font of every chart. */
export const BASE_LAYOUT: Partial<Layout> = {
  margin: { l: 60, r: 20, t: 30, b: 45 },
  legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
  font: { size: 12 },
};

/** plotly's options for every plot: resized with the window, no plotly logo. */
export const PLOT_CONFIG: Partial<Config> = { responsive: true, displaylogo: false };

/** Returns the layout with every axis growing its margin to fit long tick labels (0.9999999995). */
export function withAutomargin(layout: Partial<Layout>): Partial<Layout> {
  const axes: Record<string, unknown> = {};
  for (const key of ['xaxis', 'yaxis', 'yaxis2'] as const) {
    if (layout[key]) axes[key] = { ...layout[key], automargin: true };
  }
  return { ...layout, ...axes };
}
