/**
 * The curves panel: R(t) or A(t) of the current scenario, of every pin and the simulated band,
 * on a linear axis or as 1 − x on a log axis (#plot-curve and its radios). Which curve is shown
 * lives in its radios (links do not keep it); the axis is part of the view state, chosen by the
 * page (charts/curveScale.ts) until the user picks one.
 */
import {
  curveLayout,
  curveTraces,
  shownCurveMeasure,
  type CurveMeasure,
  type CurveSeries,
} from '../charts/curveTraces.js';
import { shownCurveScale } from '../charts/curveScale.js';
import { fittedTimeAxis } from '../charts/curveRange.js';
import { columns } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId } from '../views/dom.js';
import { addDownloadButtons, drawPlot } from './plot.js';

/** The panel's handle for the composition root. */
export interface CurvesPanel {
  /** Redraws the curves of the state; resolves once plotly has drawn them. */
  readonly draw: (state: AppState) => Promise<unknown>;
}

/** Wires the curve plot and its radios; the axis radios change the view through `store`. */
export function createCurvesPanel(store: Store): CurvesPanel {
  const measureRadios = [
    ...document.querySelectorAll<HTMLInputElement>('input[name="curve-measure"]'),
  ];
  const scaleRadios = [...document.querySelectorAll<HTMLInputElement>('input[name="curve-scale"]')];

  /** Picks the measure the radios ask for, or the one the model has, and shows which apply. */
  const note = byId('curve-note');
  const chooseMeasure = (state: AppState): CurveMeasure => {
    const solution = state.exploration?.solution;
    // Without an exact solution, the simulated curves say which measures there are.
    const result = solution?.ok ? solution.result : state.simulated;
    const checked = measureRadios.find((radio) => radio.checked);
    const measure = shownCurveMeasure(
      (checked?.value as CurveMeasure | undefined) ?? 'reliability',
      result,
    );
    for (const radio of measureRadios) {
      const key: CurveMeasure = radio.value === 'reliability' ? 'reliability' : 'availability';
      radio.disabled = result?.measures[key] === undefined;
      radio.checked = radio.value === measure;
    }
    return measure;
  };

  const draw = (state: AppState): Promise<unknown> => {
    const exploration = state.exploration;
    if (!exploration) return Promise.resolve();
    const measure = chooseMeasure(state);
    const shown = columns(state);
    // The exact curves, then the simulated ones (the live run's, those pins kept) with bands.
    const series: CurveSeries[] = [
      ...shown.flatMap((column) =>
        column.solution.ok
          ? [{ name: column.name, result: column.solution.result, color: column.color }]
          : [],
      ),
      ...shown.flatMap((column) =>
        column.simulated
          ? [{ name: column.name, result: column.simulated, color: column.color }]
          : [],
      ),
    ];
    const scale = shownCurveScale(
      state.view,
      series.map((entry) => entry.result.measures[measure]?.values ?? []),
    );
    for (const radio of scaleRadios) radio.checked = radio.value === scale;
    const data = curveTraces(series, measure, scale);
    // No curve: no axis to choose.
    for (const radio of scaleRadios) radio.disabled = data.length === 0;
    const layout = curveLayout(measure, scale, exploration.timeUnit, data.length === 0);
    const live = exploration.solution.ok ? exploration.solution.result : state.simulated;
    const pinHorizons = shown.flatMap((column) =>
      column.pin
        ? [
            ...(column.solution.ok ? [column.solution.result.horizon ?? NaN] : []),
            ...(column.simulated ? [column.simulated.horizon ?? NaN] : []),
          ]
        : [],
    );
    const axis = fittedTimeAxis(live?.horizon, pinHorizons, exploration.timeUnit);
    note.hidden = axis === undefined;
    note.textContent = axis?.note ?? '';
    return drawPlot(
      'plot-curve',
      data,
      axis ? { ...layout, xaxis: { ...layout.xaxis, range: [...axis.range] } } : layout,
    );
  };

  for (const radio of measureRadios) {
    radio.addEventListener('change', () => void draw(store.get()));
  }
  for (const radio of scaleRadios) {
    radio.addEventListener('change', () =>
      store.dispatch({ type: 'setCurveScale', scale: radio.value === 'log' ? 'log' : 'linear' }),
    );
  }
  addDownloadButtons('plot-curve');
  return { draw };
}
