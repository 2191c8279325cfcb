/**
 * The explorer's controller: holds the state, mirrors it in the URL hash, sends work to the
 * worker (coalescing requests so dragging never queues stale work) and draws the answers.
 */
import Plotly from 'plotly.js-dist-min';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Result } from '../src/index.js';
import {
  curveLayout,
  curveTraces,
  SERIES_COLORS,
  type CurveMeasure,
} from './charts/curveTraces.js';
import {
  distributionTraces,
  importanceTraces,
  sweepTraces,
  tornadoTraces,
} from './charts/whatIfTraces.js';
import type { Exploration, Extras } from './compute/explore.js';
import {
  isTimeMeasure,
  MEASURE_LABELS,
  measureValue,
  type MeasureKey,
} from './compute/measures.js';
import { DEFAULT_EXAMPLE, EXAMPLES } from './models.js';
import { addPin, removePin, renamePin, type Scenario } from './state/pins.js';
import { DEFAULT_VIEW, decodeState, encodeState, type ExplorerState } from './state/urlState.js';
import { renderCompare, type Column } from './views/compare.js';
import { byId, downloadText, h } from './views/dom.js';
import { createEditor } from './views/editor.js';
import { formatNumber } from './views/format.js';
import { createParameterView, MISSION } from './views/parameters.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

const PLOT_CONFIG = { responsive: true, displaylogo: false } as const;
const BASE_LAYOUT: Partial<Layout> = {
  margin: { l: 60, r: 20, t: 30, b: 45 },
  legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
  font: { size: 12 },
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const exampleText = (name: string): string => EXAMPLES.get(name) ?? EXAMPLES.get(DEFAULT_EXAMPLE)!;

let state: Mutable<ExplorerState> = {
  example: DEFAULT_EXAMPLE,
  overrides: {},
  pins: [],
  view: DEFAULT_VIEW,
};
let text = exampleText(DEFAULT_EXAMPLE);
let exploration: Exploration | undefined;
let extras: Extras | undefined;
let simulated: Result | undefined;
let changedAt = performance.now();

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const simWorker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
let nextId = 1;
let busy = false;
let dirty = false;
let simulationId = 0;

const editor = createEditor((edited) => {
  text = edited;
  changed();
});
const parameterView = createParameterView(byId('parameters'), (name, value) => {
  if (name === MISSION) {
    if (value === undefined) delete state.missionTime;
    else state.missionTime = value;
  } else {
    const overrides = { ...state.overrides };
    if (value === undefined) delete overrides[name];
    else overrides[name] = value;
    state.overrides = overrides;
  }
  changed();
});

/** Marks the state changed: re-solve, and update the URL. */
function changed(): void {
  changedAt = performance.now();
  simulated = undefined;
  dirty = true;
  pump();
  scheduleUrlUpdate();
}

/** Sends the latest state to the worker when it is idle; otherwise it goes when it answers. */
function pump(): void {
  if (busy) return;
  if (dirty) {
    dirty = false;
    busy = true;
    send(worker, { type: 'explore', id: nextId++, text, scenario: scenario(), pins: state.pins });
  }
}

function scenario(): Scenario {
  return {
    overrides: state.overrides,
    ...(state.missionTime !== undefined && { missionTime: state.missionTime }),
  };
}

function send(target: Worker, message: WorkerRequest): void {
  target.postMessage(message);
}

worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
  const message = event.data;
  if (message.type === 'explored') {
    busy = false;
    const outcome = message.outcome;
    if (outcome.ok) {
      editor.showIssues([]);
      exploration = outcome.exploration;
      void drawExploration(message.elapsed);
      if (!dirty) {
        busy = true;
        send(worker, {
          type: 'extras',
          id: nextId++,
          text,
          scenario: scenario(),
          request: {
            measure: chosenMeasure(),
            ...(state.view.component !== undefined && { component: state.view.component }),
            ...(state.view.sweep !== undefined && { sweep: state.view.sweep }),
            tornadoPercent: state.view.tornadoPercent,
          },
        });
      }
    } else {
      editor.showIssues(outcome.issues);
      setStatus(
        `the model has ${outcome.issues.length} problem(s); the plots show the last valid model`,
      );
    }
  } else if (message.type === 'extras') {
    busy = false;
    extras = message.extras;
    drawExtras();
  } else if (message.type === 'error') {
    busy = false;
    setStatus(`error: ${message.message}`);
  }
  pump();
});

function chosenMeasure(): MeasureKey {
  const measures = exploration?.measures ?? [];
  const wanted = state.view.measure;
  return wanted !== undefined && measures.includes(wanted) ? wanted : (measures[0] ?? 'mttf');
}

function setStatus(message: string): void {
  byId('status').textContent = message;
}

function columns(): Column[] {
  if (!exploration) return [];
  const live: Column = {
    id: 'live',
    name: 'current',
    color: SERIES_COLORS[0]!,
    solution: exploration.solution,
  };
  return [
    live,
    ...state.pins.map((pin, i): Column => ({
      id: pin.id,
      name: pin.name,
      color: SERIES_COLORS[(i + 1) % SERIES_COLORS.length]!,
      solution: exploration!.pins.find((p) => p.id === pin.id)?.solution ?? {
        ok: false,
        message: 'not solved yet',
      },
      pin,
    })),
  ];
}

async function drawExploration(elapsed: number): Promise<void> {
  const current = exploration!;
  byId('model-name').textContent = current.name;
  const solution = current.solution;
  const mission = solution.ok ? solution.numbers.missionTime : (state.missionTime ?? 1);
  // Values come from the state, not the answer: while a drag runs ahead of the worker, an older
  // answer must not pull the number field back.
  const parameters = current.parameters.map((p) => ({
    ...p,
    value: p.isExpression ? p.value : (state.overrides[p.name] ?? p.fileValue),
  }));
  parameterView.update(parameters, current.timeUnit, {
    value: state.missionTime ?? mission,
    base: current.fileMissionTime ?? (state.missionTime === undefined ? mission : mission),
  });
  const message = byId('solver-message');
  message.hidden = solution.ok;
  message.textContent = solution.ok ? '' : solution.message;
  renderCompare(
    byId<HTMLTableElement>('numbers'),
    columns(),
    current.timeUnit,
    (id, name) => {
      state.pins = renamePin(state.pins, id, name);
      changed();
    },
    (id) => {
      state.pins = removePin(state.pins, id);
      changed();
    },
  );
  fillSelect(
    byId<HTMLSelectElement>('measure-select'),
    current.measures.map((key) => [key, MEASURE_LABELS[key]]),
    chosenMeasure(),
  );
  fillSelect(
    byId<HTMLSelectElement>('component-select'),
    current.components.map((c) => [c.name, c.name]),
    state.view.component,
  );
  fillSelect(
    byId<HTMLSelectElement>('sweep-select'),
    current.parameters.filter((p) => !p.isExpression).map((p) => [p.name, p.name]),
    state.view.sweep,
  );
  const drawn = drawCurves();
  await drawn;
  const total = performance.now() - changedAt;
  const status = byId('status');
  status.dataset.redrawMs = total.toFixed(1);
  status.dataset.solveMs = elapsed.toFixed(1);
  setStatus(`solved in ${elapsed.toFixed(1)} ms, drawn ${total.toFixed(0)} ms after the change`);
}

function curveMeasure(): CurveMeasure {
  const result = exploration?.solution.ok ? exploration.solution.result : undefined;
  const hasReliability = result?.measures.reliability !== undefined;
  const hasAvailability = result?.measures.availability !== undefined;
  const checked = document.querySelector<HTMLInputElement>('input[name="curve-measure"]:checked');
  let measure: CurveMeasure = (checked?.value as CurveMeasure | undefined) ?? 'reliability';
  if (measure === 'reliability' && !hasReliability && hasAvailability) measure = 'availability';
  if (measure === 'availability' && !hasAvailability && hasReliability) measure = 'reliability';
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="curve-measure"]')) {
    radio.disabled = radio.value === 'reliability' ? !hasReliability : !hasAvailability;
    radio.checked = radio.value === measure;
  }
  return measure;
}

function drawCurves(): Promise<unknown> {
  if (!exploration) return Promise.resolve();
  const measure = curveMeasure();
  const series = columns().flatMap((column) =>
    column.solution.ok
      ? [{ name: column.name, result: column.solution.result, color: column.color }]
      : [],
  );
  if (simulated) series.push({ name: 'current', result: simulated, color: SERIES_COLORS[0]! });
  const data = curveTraces(series, measure, state.view.curve);
  const layout = {
    ...BASE_LAYOUT,
    ...curveLayout(measure, state.view.curve, exploration.timeUnit),
    ...(data.length === 0 && {
      annotations: [
        {
          text: 'no time-dependent curve for this model (see the results above)',
          showarrow: false,
          xref: 'paper',
          yref: 'paper',
          x: 0.5,
          y: 0.5,
        },
      ],
    }),
  } as Partial<Layout>;
  return react('plot-curve', data, layout, PLOT_CONFIG);
}

function drawExtras(): void {
  if (!exploration || !extras) return;
  const unit = exploration.timeUnit;
  const measureLabel = `${MEASURE_LABELS[extras.measure]}${isTimeMeasure(extras.measure) ? ` (${unit})` : ''}`;
  const base = exploration.solution.ok
    ? measureValue(exploration.solution.result, extras.measure)
    : undefined;
  if (extras.distribution) {
    void react(
      'plot-distribution',
      distributionTraces(extras.distribution),
      {
        ...BASE_LAYOUT,
        xaxis: { title: { text: `t (${unit})` } },
        yaxis: {
          title: { text: `pdf (per ${unit})` },
          exponentformat: 'power',
          rangemode: 'tozero',
        },
        yaxis2: {
          title: { text: `hazard (per ${unit})` },
          overlaying: 'y',
          side: 'right',
          exponentformat: 'power',
          range: [0, 1.1 * maxOf(extras.distribution.hazard)],
        },
        margin: { l: 60, r: 60, t: 30, b: 45 },
      } as Partial<Layout>,
      PLOT_CONFIG,
    );
  }
  const importance = extras.importance;
  byId('importance-title').textContent = importance
    ? `Birnbaum importance (${importance.basis})`
    : 'Birnbaum importance';
  byId('importance-notes').textContent = importance?.notes.join('; ') ?? '';
  void react(
    'plot-importance',
    importance ? importanceTraces(importance) : [],
    {
      ...BASE_LAYOUT,
      xaxis: { title: { text: 'Birnbaum importance I_B' }, rangemode: 'tozero' },
      margin: { l: 110, r: 20, t: 10, b: 45 },
      showlegend: false,
    } as Partial<Layout>,
    PLOT_CONFIG,
  );
  const percent = state.view.tornadoPercent;
  void react(
    'plot-tornado',
    base === undefined ? [] : tornadoTraces(extras.tornado, base, percent),
    {
      ...BASE_LAYOUT,
      barmode: 'overlay',
      xaxis: {
        title: { text: `${measureLabel}, base ${formatNumber(base)}` },
        exponentformat: 'power',
      },
      margin: { l: 110, r: 20, t: 30, b: 45 },
    } as Partial<Layout>,
    PLOT_CONFIG,
  );
  const swept = extras.sweep;
  const parameter = exploration.parameters.find((p) => p.name === swept?.parameter);
  const logX = parameter?.control.scale === 'log';
  const positive = swept?.y.every((y) => y === null || y > 0) ?? false;
  const logY =
    positive && extras.measure !== 'reliability' && extras.measure !== 'steadyAvailability';
  void react(
    'plot-sweep',
    swept && parameter ? sweepTraces(swept, parameter.value, base) : [],
    {
      ...BASE_LAYOUT,
      xaxis: {
        title: { text: swept?.parameter ?? '' },
        type: logX ? 'log' : 'linear',
        exponentformat: 'power',
      },
      yaxis: {
        title: { text: measureLabel },
        type: logY ? 'log' : 'linear',
        exponentformat: 'power',
      },
      showlegend: false,
    } as Partial<Layout>,
    PLOT_CONFIG,
  );
}

/** Draws a plot, letting every axis grow its margin to fit long tick labels (0.9999999995). */
function react(id: string, data: Data[], layout: Partial<Layout>, config: typeof PLOT_CONFIG) {
  const axes: Record<string, unknown> = {};
  for (const key of ['xaxis', 'yaxis', 'yaxis2'] as const) {
    if (layout[key]) axes[key] = { ...layout[key], automargin: true };
  }
  return Plotly.react(id, data, { ...layout, ...axes }, config);
}

function maxOf(values: readonly (number | null)[]): number {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return finite.length > 0 && Math.max(...finite) > 0 ? Math.max(...finite) : 1;
}

function fillSelect(
  select: HTMLSelectElement,
  options: [string, string][],
  selected: string | undefined,
): void {
  const signature = JSON.stringify(options);
  if (select.dataset.options !== signature) {
    select.dataset.options = signature;
    select.replaceChildren(...options.map(([value, label]) => h('option', { value, text: label })));
  }
  if (selected !== undefined && options.some(([value]) => value === selected))
    select.value = selected;
}

// URL hash: written shortly after the last change, so a drag does not flood the history.
let urlTimer: ReturnType<typeof setTimeout> | undefined;
let writtenHash = '';
// A link pasted into this tab changes only the hash: load its state as a fresh page would.
window.addEventListener('hashchange', () => {
  if (location.hash !== writtenHash) location.reload();
});
function scheduleUrlUpdate(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => void writeUrl(), 250);
}
async function writeUrl(): Promise<void> {
  const full: Mutable<ExplorerState> = { ...state };
  delete full.text;
  if (text !== exampleText(state.example)) full.text = text;
  const hash = await encodeState(full);
  writtenHash = `#${hash}`;
  history.replaceState(null, '', writtenHash);
  document.body.dataset.urlState = 'written';
}

function showBanner(message: string | undefined): void {
  const banner = byId('banner');
  banner.hidden = message === undefined;
  banner.textContent = message ?? '';
}

function loadExample(name: string): void {
  showBanner(undefined); // a note about a damaged link no longer applies to the new model
  state = { ...state, example: name, overrides: {}, pins: [], view: { ...state.view } };
  delete state.missionTime;
  state.view = { curve: state.view.curve, tornadoPercent: state.view.tornadoPercent };
  text = exampleText(name);
  editor.setText(text);
  byId<HTMLSelectElement>('example-select').value = name;
  changed();
}

function wireControls(): void {
  const select = byId<HTMLSelectElement>('example-select');
  select.replaceChildren(
    ...[...EXAMPLES.keys()].map((name) => h('option', { value: name, text: name })),
  );
  select.value = state.example;
  select.addEventListener('change', () => loadExample(select.value));
  const open = byId<HTMLInputElement>('open-file');
  open.addEventListener('change', () => {
    const file = open.files?.[0];
    if (!file) return;
    void file.text().then((content) => {
      state = { ...state, example: '', overrides: {}, pins: [] };
      delete state.missionTime;
      text = content;
      editor.setText(content);
      changed();
    });
    open.value = '';
  });
  byId('save-model').addEventListener('click', () =>
    downloadText(`${state.example || 'model'}.yaml`, text, 'text/yaml'),
  );
  byId('copy-link').addEventListener('click', () => {
    void writeUrl()
      .then(() => navigator.clipboard?.writeText(location.href))
      .then(
        () => setStatus('link copied'),
        () => setStatus('copy the address bar: it holds the whole state'),
      );
  });
  byId('export-json').addEventListener('click', () => {
    const payload = {
      model: exploration?.name,
      columns: columns().map((c) => ({
        name: c.name,
        scenario: c.pin ?? scenario(),
        solution: c.solution,
      })),
      ...(simulated && { simulation: simulated }),
    };
    downloadText('relkit-results.json', JSON.stringify(payload, null, 2), 'application/json');
  });
  byId('export-csv').addEventListener('click', () =>
    downloadText('relkit-results.csv', resultsCsv(), 'text/csv'),
  );
  byId('pin-button').addEventListener('click', () => {
    state.pins = addPin(state.pins, scenario());
    changed();
  });
  byId('reset-all').addEventListener('click', () => {
    state.overrides = {};
    delete state.missionTime;
    changed();
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="curve-measure"]')) {
    radio.addEventListener('change', () => void drawCurves());
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="curve-scale"]')) {
    radio.checked = radio.value === state.view.curve;
    radio.addEventListener('change', () => {
      state.view = { ...state.view, curve: radio.value === 'log' ? 'log' : 'linear' };
      scheduleUrlUpdate();
      void drawCurves();
    });
  }
  const viewSelect = (id: string, key: 'measure' | 'component' | 'sweep') => {
    const element = byId<HTMLSelectElement>(id);
    element.addEventListener('change', () => {
      state.view = { ...state.view, [key]: element.value };
      dirty = true;
      pump();
      scheduleUrlUpdate();
    });
  };
  viewSelect('measure-select', 'measure');
  viewSelect('component-select', 'component');
  viewSelect('sweep-select', 'sweep');
  const percent = byId<HTMLInputElement>('tornado-percent');
  percent.value = String(state.view.tornadoPercent);
  percent.addEventListener('change', () => {
    const value = Number(percent.value);
    if (value > 0 && value < 100) {
      state.view = { ...state.view, tornadoPercent: value };
      dirty = true;
      pump();
      scheduleUrlUpdate();
    }
  });
  for (const holder of document.querySelectorAll<HTMLElement>('.exports')) {
    const plot = holder.dataset.plot!;
    for (const format of ['png', 'svg'] as const) {
      const button = h('button', {
        type: 'button',
        text: format.toUpperCase(),
        'aria-label': `download ${plot} as ${format}`,
      });
      button.addEventListener('click', () => {
        void Plotly.downloadImage(plot, {
          format,
          filename: `relkit-${plot}`,
          width: 1000,
          height: 600,
        });
      });
      holder.append(button);
    }
  }
  wireSimulation();
}

function resultsCsv(): string {
  const lines = ['scenario,measure,t,value'];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const column of columns()) {
    if (!column.solution.ok) continue;
    for (const [key, value] of Object.entries(column.solution.numbers)) {
      lines.push(`${quote(column.name)},${key},,${value}`);
    }
    for (const key of ['reliability', 'availability'] as const) {
      const curve = column.solution.result.measures[key];
      curve?.t.forEach((t, i) =>
        lines.push(`${quote(column.name)},${key},${t},${curve.values[i]}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function wireSimulation(): void {
  const run = byId<HTMLButtonElement>('sim-run');
  const cancel = byId<HTMLButtonElement>('sim-cancel');
  const progress = byId<HTMLProgressElement>('sim-progress');
  const note = byId('sim-note');
  note.textContent = 'Checking for the simulator…';
  simWorker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type === 'hello') {
      run.disabled = !message.canSimulate;
      note.textContent = message.canSimulate
        ? 'Runs in a worker; the band fills in as replications finish.'
        : 'Simulation is not available yet: this build of relkit does not export the simulator (runReplications, mergeSimulationStats, finalizeSimulation). The exact results above do not need it.';
    } else if (message.type === 'simulation' && message.id === simulationId) {
      progress.value = message.done / message.total;
      simulated = message.result;
      note.textContent = `${message.done} of ${message.total} replications${message.finished ? ', done' : '…'}`;
      if (message.finished) {
        run.disabled = false;
        cancel.disabled = true;
      }
      void drawCurves();
    } else if (message.type === 'error' && message.id === simulationId) {
      note.textContent = `simulation: ${message.message}`;
      run.disabled = false;
      cancel.disabled = true;
    }
  });
  send(simWorker, { type: 'hello' });
  run.addEventListener('click', () => {
    simulationId = nextId++;
    run.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    send(simWorker, {
      type: 'simulate',
      id: simulationId,
      text,
      scenario: scenario(),
      replications: Math.max(10, Number(byId<HTMLInputElement>('sim-replications').value) || 1000),
      seed: Number(byId<HTMLInputElement>('sim-seed').value) || 1,
    });
  });
  cancel.addEventListener('click', () => {
    send(simWorker, { type: 'cancel', id: simulationId });
    cancel.disabled = true;
    run.disabled = false;
    note.textContent = 'cancelled';
  });
}

async function start(): Promise<void> {
  try {
    const restored = await decodeState(location.hash);
    if (restored) {
      if (restored.text === undefined && !EXAMPLES.has(restored.example)) {
        throw new Error(`the link names the unknown example "${restored.example}"`);
      }
      state = { ...restored, view: { ...restored.view }, pins: [...restored.pins] };
      text = restored.text ?? exampleText(restored.example);
    }
  } catch (error) {
    showBanner(
      `${error instanceof Error ? error.message : String(error)}. Showing the default model instead.`,
    );
    history.replaceState(null, '', location.pathname + location.search);
  }
  wireControls();
  editor.setText(text);
  dirty = true;
  pump();
}

void start();
