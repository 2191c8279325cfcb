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

/**
 * Returns text for a plotly label or legend that shows as written: plotly reads a subset of HTML
 * in its text (`<b>`, `<a href>`, entities), so a name from a model file or a pin's name has its
 * `&`, `<` and `>` written as entities (`<img src=x>` shows as those characters).
 */
export function plotText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Longest line of a chart's note: about 280 px, narrower than a chart in a 390 px window. */
const NOTE_LINE = 40;

/** Returns the lines of `text` broken at spaces so that each is at most `width` characters. */
export function wrapLines(text: string, width: number = NOTE_LINE): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Returns the layout of a chart with nothing to draw: no axes, and a note saying why (plotly
 * does not wrap text: `\n` starts a new line, and lines longer than NOTE_LINE are broken at a
 * space so the note fits a narrow window).
 */
export function emptyLayout(note: string): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: { visible: false },
    yaxis: { visible: false },
    annotations: [
      {
        text: wrapLines(note).map(plotText).join('<br>'),
        showarrow: false,
        xref: 'paper',
        yref: 'paper',
        x: 0.5,
        y: 0.5,
        font: { color: '#5b6472' },
      },
    ],
  };
}
