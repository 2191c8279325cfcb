/**
 * The data panel: life data pasted or opened as CSV (`time,status[,time_hi][,count]`, as
 * `relkit fit`), fitted with every family in the worker (compute/lifeFits.ts), shown as the
 * ranked fits, a probability plot on a chosen paper, the Kaplan–Meier curve, and the chosen fit's
 * `failure:` block to copy. The data stay in the page: they are not put in the link.
 */
import {
  paperFor,
  PROBABILITY_PAPERS,
  probabilityPlot,
  survivalPlot,
  type LifeData,
  type LifeFit,
  type LifeFitRanking,
  type ProbabilityPaper,
} from '../../src/index.js';
import {
  probabilityLayout,
  probabilityTitle,
  probabilityTraces,
  survivalLayout,
  survivalTraces,
} from '../charts/lifeDataTraces.js';
import { emptyLayout } from '../charts/layout.js';
import type { LifeFitsOutcome } from '../compute/lifeFits.js';
import { byId, fillSelect, h } from '../views/dom.js';
import { formatNumber } from '../views/format.js';
import type { WorkerRequest, WorkerResponse } from '../workerProtocol.js';
import { addDownloadButtons, drawPlot } from './plot.js';

const PLOTS = ['plot-probability', 'plot-survival'] as const;

/** Wires the data panel; the fits run on `worker`. */
export function createLifeDataPanel(worker: Worker): void {
  const text = byId<HTMLTextAreaElement>('life-text');
  const file = byId<HTMLInputElement>('life-file');
  const fit = byId<HTMLButtonElement>('life-fit');
  const paper = byId<HTMLSelectElement>('life-paper');
  const status = byId('life-status');
  const issues = byId('life-issues');
  const table = byId<HTMLTableElement>('life-fits');
  const notes = byId('life-notes');
  const block = byId('life-block');
  const copy = byId<HTMLButtonElement>('life-copy');
  const probabilityHeading = byId('life-probability-title');
  for (const id of PLOTS) addDownloadButtons(id);
  fillSelect(
    paper,
    [
      ['auto', "the fit's own paper"],
      ...PROBABILITY_PAPERS.map((name): [string, string] => [name, name]),
    ],
    'auto',
  );
  let nextId = 1;
  let pending: number | undefined;
  let fileName = 'pasted';
  let shown: { data: LifeData; ranking: LifeFitRanking } | undefined;
  let chosen: LifeFit | undefined;

  const request = (): void => {
    pending = nextId++;
    fit.disabled = true;
    status.textContent = 'fitting…';
    const message: WorkerRequest = {
      type: 'fitLifeData',
      id: pending,
      text: text.value,
      file: fileName,
    };
    worker.postMessage(message);
  };

  const clear = (note: string): void => {
    shown = undefined;
    chosen = undefined;
    table.replaceChildren();
    notes.textContent = '';
    block.textContent = '';
    copy.disabled = true;
    delete table.dataset.best;
    for (const id of PLOTS) void drawPlot(id, [], emptyLayout(note));
  };

  const show = (outcome: LifeFitsOutcome, elapsed: number): void => {
    fit.disabled = false;
    if (!outcome.ok) {
      status.textContent = `${outcome.issues.length} problem(s) in the data`;
      issues.hidden = false;
      issues.replaceChildren(
        ...outcome.issues.map((issue) =>
          h('li', {
            class: 'issue',
            text: `${[issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':')}: ${issue.message}`,
          }),
        ),
      );
      clear('no fit: the data have problems (listed above)');
      return;
    }
    issues.hidden = true;
    issues.replaceChildren();
    const { failures, suspensions, intervals } = outcome.data.n;
    status.textContent = `${failures} failures, ${suspensions} suspensions, ${intervals} in intervals; fitted in ${Math.round(elapsed)} ms`;
    shown = { data: outcome.data, ranking: outcome.ranking };
    chosen = outcome.ranking.fits[0];
    table.dataset.best = chosen?.dist ?? '';
    drawTable();
    draw();
  };

  const drawTable = (): void => {
    if (shown === undefined) return;
    const head = h(
      'tr',
      {},
      ...['rank', 'family', 'parameters (Fisher 95 % bounds)', 'ln L', 'AICc', 'BIC', 'AD'].map(
        (title) => h('th', { text: title }),
      ),
    );
    const rows = shown.ranking.fits.map((item, i) => {
      const converged = item.convergence.converged;
      const figure = (x: number | null): string => (x === null ? 'none' : formatNumber(x));
      const choose = h('button', {
        type: 'button',
        class: 'link-button',
        text: item.dist,
        'aria-pressed': item === chosen ? 'true' : 'false',
        'aria-label': `draw the ${item.dist} fit`,
      });
      choose.addEventListener('click', () => {
        chosen = item;
        drawTable();
        draw();
      });
      return h(
        'tr',
        { 'data-dist': item.dist, class: item === chosen ? 'chosen' : undefined },
        h('td', { text: String(i + 1) }),
        h('td', {}, choose),
        h('td', { class: 'parameters', text: parameterText(item) }),
        ...(converged
          ? [
              formatNumber(item.logLikelihood),
              figure(item.aicc),
              formatNumber(item.bic),
              figure(item.ad),
            ]
          : ['NOT CONVERGED', '—', '—', '—']
        ).map((cell) => h('td', { text: cell })),
      );
    });
    const skipped = shown.ranking.skipped.map(({ dist, reason }) =>
      h('tr', { class: 'skipped' }, h('td', { colspan: 7, text: `skipped ${dist}: ${reason}` })),
    );
    table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...rows, ...skipped));
  };

  const draw = (): void => {
    if (shown === undefined) return;
    const { data } = shown;
    const drawn = chosen?.convergence.converged === true ? chosen : undefined;
    const chosenPaper: ProbabilityPaper =
      paper.value === 'auto'
        ? chosen === undefined
          ? 'weibull'
          : paperFor(chosen.dist)
        : (paper.value as ProbabilityPaper);
    const probability = probabilityPlot(data, chosenPaper, drawn);
    probabilityHeading.textContent = probabilityTitle(probability);
    void drawPlot(
      'plot-probability',
      probabilityTraces(probability),
      probabilityLayout(probability),
    );
    if (data.n.intervals === 0) {
      const survival = survivalPlot(data, drawn);
      void drawPlot('plot-survival', survivalTraces(survival), survivalLayout(survival));
    } else {
      void drawPlot(
        'plot-survival',
        [],
        emptyLayout(
          'Kaplan–Meier: not drawn, it needs exact failure times (the data have intervals)',
        ),
      );
    }
    const lines = [
      "Points: median ranks (Benard's approximation) with Johnson's adjustment for suspensions.",
      ...probability.notes,
      ...(chosen?.notes ?? []).map((note) => `${chosen!.dist}: ${note}`),
    ];
    notes.replaceChildren(...lines.map((line) => h('li', { text: line })));
    block.textContent = failureBlock(chosen);
    copy.disabled = chosen?.failure == null;
  };

  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type === 'lifeFits' && message.id === pending) {
      pending = undefined;
      show(message.outcome, message.elapsed);
    } else if (message.type === 'error' && message.id === pending) {
      pending = undefined;
      fit.disabled = false;
      status.textContent = `error: ${message.message}`;
      clear('no fit');
    }
  });
  fit.addEventListener('click', request);
  paper.addEventListener('change', draw);
  file.addEventListener('change', () => {
    const chosenFile = file.files?.[0];
    if (!chosenFile) return;
    void chosenFile.text().then((content) => {
      text.value = content;
      fileName = chosenFile.name;
      request();
    });
  });
  text.addEventListener('input', () => {
    fileName = 'pasted';
  });
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(block.textContent ?? '');
  });
  clear('paste or open life data, then Fit');
}

/** The parameters with their Fisher bounds: `shape 3.16047 (2.00873 to 4.97257)`. */
function parameterText(fit: LifeFit): string {
  return Object.entries(fit.parameters)
    .map(([name, value]) => {
      const bound = fit.ci95[name];
      const range = bound ? ` (${formatNumber(bound[0])} to ${formatNumber(bound[1])})` : '';
      return `${name} ${formatNumber(value)}${range}`;
    })
    .join(', ');
}

/** The fit as a model file's `failure:` line (full digits), or why there is none. */
function failureBlock(fit: LifeFit | undefined): string {
  if (fit === undefined) return '';
  if (fit.failure === null) {
    const why = fit.notes.find((note) => note.startsWith('failure: none'));
    return `# ${fit.dist}: no failure block${why === undefined ? '' : ` (${why.slice('failure: none, '.length)})`}`;
  }
  const fields = Object.entries(fit.failure).map(([key, value]) => `${key}: ${String(value)}`);
  return `failure: { ${fields.join(', ')} }`;
}
