/**
 * A small SVG chart writer: panels side by side, each with axes, ticks, grid, markers, lines,
 * shaded bands and a legend, under a title, with notes below. Coordinates are the data's (the
 * caller transforms them, e.g. to a probability paper); text is escaped. No DOM.
 */

/** A point of a series, in the panel's coordinates. */
export type XY = readonly [number, number];

/** What a panel draws, in order (later series on top). */
export type ChartSeries =
  | {
      readonly kind: 'markers';
      readonly name: string;
      readonly points: readonly XY[];
      readonly colour: string;
      /** Filled circles, or hollow diamonds (for points placed approximately). */
      readonly shape: 'circle' | 'diamond';
    }
  | {
      readonly kind: 'line';
      readonly name: string;
      readonly points: readonly XY[];
      readonly colour: string;
      readonly dashed?: boolean;
      /** Draw as steps: each value flat up to the next point's x. */
      readonly step?: boolean;
    }
  | {
      readonly kind: 'band';
      readonly name: string;
      /** x, lower, upper; a non-finite bound breaks the band. */
      readonly points: readonly (readonly [number, number, number])[];
      readonly colour: string;
      readonly step?: boolean;
    };

/** One tick: place (data coordinate) and label. */
export interface ChartTick {
  readonly value: number;
  readonly label: string;
}

export interface ChartPanel {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly xTicks: readonly ChartTick[];
  readonly yTicks: readonly ChartTick[];
  readonly series: readonly ChartSeries[];
  /** Where the legend goes (a corner the data leave empty). */
  readonly legend: 'top-left' | 'bottom-left';
}

export interface Chart {
  /** The title's lines: the first large, the others smaller. */
  readonly title: readonly string[];
  readonly panels: readonly ChartPanel[];
  /** Lines of small print under the panels. */
  readonly notes: readonly string[];
}

const PANEL_WIDTH = 560;
// A chart of one panel is this wide, so its title and notes keep to few lines.
const MIN_WIDTH = 680;
const PANEL_HEIGHT = 440;
const MARGIN = { left: 72, right: 24, top: 34, bottom: 56 } as const;
const TITLE_LINE = 22;
const NOTE_LINE = 16;
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/**
 * The chart as an SVG document: 560 px a panel (680 for one), the height from the title and
 * notes, wrapped to the width.
 */
export function chartSvg(input: Chart): string {
  const width = Math.max(PANEL_WIDTH * input.panels.length, MIN_WIDTH);
  const panelWidth = width / input.panels.length;
  // Lines wrapped to the width, at the mean glyph widths of the sans-serif font (about 0.55 em).
  const [first = '', ...rest] = input.title;
  const heading = wrap(first, (width - 24) / (17 * 0.6));
  const chart = {
    ...input,
    title: [...heading, ...rest.flatMap((line) => wrap(line, (width - 24) / (13 * 0.52)))],
    notes: input.notes.flatMap((line) => wrap(line, (width - 24) / (12 * 0.52))),
  };
  const top = 16 + TITLE_LINE * chart.title.length;
  const height = top + PANEL_HEIGHT + 12 + NOTE_LINE * chart.notes.length;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  chart.title.forEach((line, i) => {
    const large = i < heading.length;
    const size = large ? 17 : 13;
    parts.push(
      `<text x="${width / 2}" y="${22 + TITLE_LINE * i}" text-anchor="middle" font-size="${size}"${large ? ' font-weight="bold"' : ''} fill="#222">${escape(line)}</text>`,
    );
  });
  chart.panels.forEach((panel, i) => {
    parts.push(panelSvg(panel, i, panelWidth * i, panelWidth, top));
  });
  chart.notes.forEach((note, i) => {
    parts.push(
      `<text x="12" y="${top + PANEL_HEIGHT + 8 + NOTE_LINE * (i + 1)}" font-size="12" fill="#555">${escape(note)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function panelSvg(
  panel: ChartPanel,
  index: number,
  left: number,
  panelWidth: number,
  top: number,
): string {
  const x0 = left + MARGIN.left;
  const x1 = left + panelWidth - MARGIN.right;
  const y0 = top + PANEL_HEIGHT - MARGIN.bottom;
  const y1 = top + MARGIN.top;
  const [xa, xb] = panel.xRange;
  const [ya, yb] = panel.yRange;
  const sx = (x: number): number => x0 + ((x - xa) / (xb - xa)) * (x1 - x0);
  const sy = (y: number): number => y0 - ((y - ya) / (yb - ya)) * (y0 - y1);
  const xy = ([x, y]: XY): string => `${round(sx(x))},${round(sy(y))}`;
  const clip = `plot-area-${index}`;
  const out: string[] = [
    `<g class="panel">`,
    `<clipPath id="${clip}"><rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}"/></clipPath>`,
    `<text x="${(x0 + x1) / 2}" y="${y1 - 12}" text-anchor="middle" font-size="14" fill="#222">${escape(panel.title)}</text>`,
  ];
  for (const tick of panel.xTicks) {
    const x = round(sx(tick.value));
    out.push(
      `<line x1="${x}" y1="${y1}" x2="${x}" y2="${y0}" stroke="#e3e3e3"/>`,
      `<text x="${x}" y="${y0 + 18}" text-anchor="middle" font-size="12" fill="#333">${escape(tick.label)}</text>`,
    );
  }
  for (const tick of panel.yTicks) {
    const y = round(sy(tick.value));
    out.push(
      `<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="#e3e3e3"/>`,
      `<text x="${x0 - 6}" y="${y + 4}" text-anchor="end" font-size="12" fill="#333">${escape(tick.label)}</text>`,
    );
  }
  out.push(
    `<rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}" fill="none" stroke="#666"/>`,
    `<text x="${(x0 + x1) / 2}" y="${y0 + 42}" text-anchor="middle" font-size="13" fill="#222">${escape(panel.xLabel)}</text>`,
    `<text transform="translate(${left + 16},${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle" font-size="13" fill="#222">${escape(panel.yLabel)}</text>`,
    `<g clip-path="url(#${clip})">`,
  );
  for (const series of panel.series) {
    if (series.kind === 'band') {
      for (const run of finiteRuns(series.points)) {
        const lower = run.map(([x, lo]): XY => [x, lo]);
        const upper = run.map(([x, , hi]): XY => [x, hi]);
        const edge = (points: readonly XY[]): XY[] =>
          series.step === true ? steps(points) : [...points];
        const outline = [...edge(upper), ...edge(lower).reverse()];
        out.push(
          `<polygon class="band" points="${outline.map(xy).join(' ')}" fill="${series.colour}" fill-opacity="0.16" stroke="none"/>`,
        );
      }
    } else if (series.kind === 'line') {
      const points = series.step === true ? steps(series.points) : series.points;
      out.push(
        `<polyline class="line" points="${points.map(xy).join(' ')}" fill="none" stroke="${series.colour}" stroke-width="2"${series.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`,
      );
    } else {
      for (const point of series.points) out.push(marker(series, sx(point[0]), sy(point[1])));
    }
  }
  out.push('</g>');
  out.push(legendSvg(panel, x0, panel.legend === 'top-left' ? y1 + 10 : y0 - 10));
  out.push('</g>');
  return out.join('\n');
}

function marker(
  series: Extract<ChartSeries, { kind: 'markers' }>,
  x: number,
  y: number,
  role = 'point',
): string {
  const [cx, cy] = [round(x), round(y)];
  if (series.shape === 'circle') {
    return `<circle class="${role}" cx="${cx}" cy="${cy}" r="4" fill="${series.colour}" stroke="#ffffff" stroke-width="0.8"/>`;
  }
  const r = 5;
  return `<polygon class="${role}" points="${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}" fill="#ffffff" stroke="${series.colour}" stroke-width="1.6"/>`;
}

/** The legend box: one row a series, a sample of its mark and its name. */
function legendSvg(panel: ChartPanel, x: number, edge: number): string {
  const rows = panel.series.filter((series) => series.name !== '');
  if (rows.length === 0) return '';
  const rowHeight = 18;
  const width = 22 + 7.2 * Math.max(...rows.map((series) => series.name.length)) + 24;
  const height = rowHeight * rows.length + 8;
  const yTop = panel.legend === 'top-left' ? edge : edge - height;
  const out = [
    `<g class="legend"><rect x="${x + 10}" y="${yTop}" width="${round(width)}" height="${height}" fill="#ffffff" fill-opacity="0.9" stroke="#bbb"/>`,
  ];
  rows.forEach((series, i) => {
    const cy = yTop + 4 + rowHeight * i + rowHeight / 2;
    const sx = x + 20;
    if (series.kind === 'markers') out.push(marker(series, sx + 10, cy, 'key'));
    else if (series.kind === 'line') {
      out.push(
        `<line x1="${sx}" y1="${cy}" x2="${sx + 20}" y2="${cy}" stroke="${series.colour}" stroke-width="2"${series.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`,
      );
    } else {
      out.push(
        `<rect x="${sx}" y="${cy - 6}" width="20" height="12" fill="${series.colour}" fill-opacity="0.16"/>`,
      );
    }
    out.push(
      `<text x="${sx + 28}" y="${cy + 4}" font-size="12" fill="#222">${escape(series.name)}</text>`,
    );
  });
  out.push('</g>');
  return out.join('\n');
}

/** The corners of a step function through the points: flat to the next x, then up or down. */
function steps(points: readonly XY[]): XY[] {
  return points.flatMap((point, i): XY[] => {
    const next = points[i + 1];
    return next === undefined ? [point] : [point, [next[0], point[1]]];
  });
}

/** The runs of band points whose bounds are finite. */
function finiteRuns(
  points: readonly (readonly [number, number, number])[],
): (readonly [number, number, number])[][] {
  const runs: (readonly [number, number, number])[][] = [[]];
  for (const point of points) {
    if (Number.isFinite(point[1]) && Number.isFinite(point[2])) runs.at(-1)!.push(point);
    else if (runs.at(-1)!.length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 1);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The text in lines of at most `columns` characters, broken at spaces. */
function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
