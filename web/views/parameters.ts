/**
 * Parameter controls: a labelled slider and number field per parameter (log sliders for rates and
 * times), read-only rows for expression parameters, and the mission time. Controls are rebuilt
 * only when the model's parameters change, so dragging keeps focus.
 */
import type { ParameterInfo } from '../compute/explore.js';
import {
  parameterControl,
  sliderPosition,
  sliderValue,
  SLIDER_STEPS,
  type ParameterControl,
} from '../state/parameterScale.js';
import type { MissionValues } from '../state/selectors.js';
import { h } from './dom.js';
import {
  isSaneParameter,
  MAX_PARAMETER_MAGNITUDE,
  MIN_PARAMETER_MAGNITUDE,
  missionTimeProblem,
} from '../state/limits.js';
import { formatNumber } from './format.js';

/** The name the mission-time control reports changes under. */
export const MISSION = '@mission';

/** The unit a parameter is in, guessed from its name (docs/explorer.md). */
export function parameterUnit(name: string, control: ParameterControl, timeUnit: string): string {
  if (control.scale === 'probability') return 'probability';
  if (control.scale === 'integer') return 'count';
  if (/(rate|lambda|mu$|^mu|failures?_per)/i.test(name)) return `per ${timeUnit}`;
  if (/(mttf|mtbf|mttr|mdt|mut|mean|time|scale|life|rebuild|repair|delay|interval)/i.test(name)) {
    return timeUnit;
  }
  return '';
}

/**
 * Returns why a typed value cannot be used (the mission time must leave a time grid; a parameter
 * must be a number of sane size), or undefined.
 */
function valueProblem(name: string, value: number): string | undefined {
  if (name === MISSION) return missionTimeProblem(value);
  return isSaneParameter(value)
    ? undefined
    : `must be 0 or of size ${MIN_PARAMETER_MAGNITUDE} to ${MAX_PARAMETER_MAGNITUDE}`;
}

/** The controls' handle for the controller. */
export interface ParameterView {
  /**
   * Shows the parameters with their current values; `mission` the time and its file value
   * (undefined: the model does not depend on time, and has no mission-time control).
   */
  readonly update: (
    parameters: readonly ParameterInfo[],
    timeUnit: string,
    mission: MissionValues | undefined,
  ) => void;
}

/** Builds the controls in `container`; `onChange(name, value)` with value undefined = reset. */
export function createParameterView(
  container: HTMLElement,
  onChange: (name: string, value: number | undefined) => void,
): ParameterView {
  let signature = '';
  const setters = new Map<string, (value: number, overridden: boolean) => void>();

  const row = (
    name: string,
    label: string,
    unit: string,
    control: ParameterControl,
    fileValue: number,
    // Where the value to return to comes from: the file, or the solver's default (a mission
    // time the file does not give).
    origin: 'file' | 'default' = 'file',
  ) => {
    const id = `param-${name.replace(/\W/g, '_')}`;
    const slider = h('input', {
      type: 'range',
      id: `${id}-slider`,
      min: 0,
      max: SLIDER_STEPS,
      step: 1,
      'aria-label': `${label} (${control.scale} slider)`,
      'data-param': name,
    });
    const field = h('input', {
      type: 'number',
      id,
      step: 'any',
      'data-param': name,
      'aria-describedby': `${id}-hint`,
    });
    const reset = h('button', {
      type: 'button',
      class: 'reset',
      title: `back to the ${origin === 'file' ? "file's value" : 'default'} ${formatNumber(fileValue)}`,
      'aria-label': `reset ${label}`,
      text: '↺',
    });
    const hint = h('span', {
      id: `${id}-hint`,
      class: 'hint',
      text: `${control.scale}${unit ? `, ${unit}` : ''}; ${origin} ${formatNumber(fileValue)}`,
    });
    slider.addEventListener('input', () => {
      const value = sliderValue(control, Number(slider.value));
      field.value = String(value);
      onChange(name, value);
    });
    field.addEventListener('change', () => {
      const value = Number(field.value);
      const problem = field.value.trim() === '' ? 'is empty' : valueProblem(name, value);
      field.setCustomValidity(problem === undefined ? '' : `${label} ${problem}`);
      field.toggleAttribute('aria-invalid', problem !== undefined);
      if (problem !== undefined) {
        field.reportValidity();
        return;
      }
      slider.value = String(sliderPosition(control, value));
      onChange(name, value);
    });
    reset.addEventListener('click', () => onChange(name, undefined));
    const wrapper = h(
      'div',
      { class: 'param' },
      h('label', { for: id }, name === MISSION ? label : h('code', { text: label }), ' ', hint),
      h('div', { class: 'param-inputs' }, slider, field, reset),
    );
    setters.set(name, (value, overridden) => {
      if (document.activeElement !== field) field.value = String(value);
      if (document.activeElement !== slider) slider.value = String(sliderPosition(control, value));
      wrapper.classList.toggle('overridden', overridden);
    });
    return wrapper;
  };

  return {
    update: (parameters, timeUnit, mission) => {
      const next = JSON.stringify([
        parameters.map((p) => [p.name, p.fileValue]),
        mission?.base,
        mission?.fromFile,
      ]);
      if (next !== signature) {
        signature = next;
        setters.clear();
        const rows: Node[] = [];
        if (mission) {
          const missionControl = parameterControl('mission_time', mission.base);
          rows.push(
            row(
              MISSION,
              `mission time / horizon`,
              timeUnit,
              missionControl,
              mission.base,
              mission.fromFile ? 'file' : 'default',
            ),
          );
        }
        const derived: ParameterInfo[] = [];
        for (const p of parameters) {
          if (p.isExpression) derived.push(p);
          else {
            const unit = parameterUnit(p.name, p.control, timeUnit);
            rows.push(row(p.name, p.name, unit, p.control, p.fileValue));
          }
        }
        if (derived.length > 0) {
          rows.push(
            h(
              'p',
              { class: 'derived' },
              'Derived: ',
              ...derived.map((p) => h('code', { 'data-derived': p.name }, `${p.name} = `)),
            ),
          );
        }
        if (parameters.length === 0) {
          rows.push(h('p', { class: 'hint', text: 'This model has no parameters.' }));
        }
        container.replaceChildren(...rows);
      }
      if (mission) setters.get(MISSION)?.(mission.value, mission.value !== mission.base);
      for (const p of parameters) setters.get(p.name)?.(p.value, p.value !== p.fileValue);
      for (const p of parameters.filter((q) => q.isExpression)) {
        const code = container.querySelector(`[data-derived="${p.name}"]`);
        if (code) code.textContent = `${p.name} = ${formatNumber(p.value)}`;
      }
    },
  };
}
