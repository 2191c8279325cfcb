import type { Distribution } from '../distributions/types.js';
import { unitLaws } from '../model/componentFacts.js';
import { type ComponentModel, type Model, unitComponent } from '../model/Model.js';
import { timedUnits, type TimeScale } from '../model/timeScales.js';
import { integrate } from '../numeric/integrate.js';

/**
 * Returns |φ_X(ω)| = |E[e^{iωX}]|, the modulus of a law's characteristic function: 1 for a
 * deterministic time, near 1 for a time of little spread against 2π/ω, near 0 for a spread one.
 *
 * $$
 * |\varphi_X(\omega)| = \Big| \int \cos(\omega (t - E[X]))\,f(t)\,dt + i \int \sin(\omega (t - E[X]))\,f(t)\,dt \Big|
 * $$
 *
 * @param law - a life, repair or detection time
 * @param omega - ω > 0
 * @returns |φ| in [0, 1]; 0 for laws whose standard deviation is a period 2π/ω or more (a
 *   normal's |φ| is then e^{−2π²} ≈ 3·10⁻⁹, an exponential's at most 1/√(1 + 4π²) = 0.157)
 *
 * @remarks The integrals run over the law's [10⁻¹², 1 − 10⁻¹²] quantiles, centred on the mean so
 * the phase does not cancel digits; a deterministic law is 1 exactly.
 */
export function characteristicModulus(law: Distribution, omega: number): number {
  if (law.variance === 0) return 1;
  if (!(omega * Math.sqrt(law.variance) < 2 * Math.PI)) return 0;
  const from = law.quantile(1e-12);
  const to = law.quantile(1 - 1e-12);
  const options = { tolerance: 1e-8, absoluteTolerance: 1e-10 };
  const re = integrate((t) => Math.cos(omega * (t - law.mean)) * law.pdf(t), from, to, options);
  const im = integrate((t) => Math.sin(omega * (t - law.mean)) * law.pdf(t), from, to, options);
  return Math.min(1, Math.hypot(re.value, im.value));
}

/**
 * Returns how long units of one component type remember the phase of their cycles, the longest
 * over the types with two or more repaired units in the structure: every replication starts all
 * units new, so units of the same nearly periodic cycles (lives and repairs of little spread)
 * stay in step, fail and are down together, and a time average over a window shorter than this
 * counts their joint down time as the long run of independent phases does not.
 *
 * $$
 * \tau = \frac{E[C]}{-\ln \rho},\qquad \rho = |\varphi_X(\omega)|\,|\varphi_R(\omega)|\,|\varphi_D(\omega)|,\qquad
 * \omega = \frac{2\pi}{E[C]},\quad C = X + R + D
 * $$
 *
 * - X life, R repair, D detection time of a unit; ρ the damping per cycle of its renewal
 *   density's oscillation at the cycle's own frequency
 *
 * @param model - a loaded model
 * @returns τ (Infinity for a deterministic cycle, which never forgets) and what it is; 0 when no
 *   unit is repaired
 *
 * @remarks A lone unit has no other to keep step with: its waves of failures from the all-new
 * start oscillate, a transient that MSER deletes when it damps within the run. A lone unit whose
 * cycles are so nearly periodic that they do not damp within the run is not caught here (an open
 * defect, test/fuzz/simulate.differential.test.ts), nor are units of different types with equal
 * cycles, which would stay in step too. Two units in parallel with uniform(90, 110) lives and repairs of exactly 20: ρ = 0.955,
 * τ ≈ 2 600, while the default horizon was 1 000; their simulated U was 0.063 against the exact
 * 0.028 (z = 27). O(component types · quadrature nodes).
 *
 * @see W. Feller, An Introduction to Probability Theory and Its Applications, vol. 2, 2nd ed.,
 * Wiley, 1971, §XI.1 (paywalled; the renewal density and its convergence).
 */
export function phaseMemory(model: Model): TimeScale {
  let longest: TimeScale = { value: 0, what: 'no cycle' };
  const units = new Map<ComponentModel, number[]>();
  for (const unit of timedUnits(model)) {
    const component = unitComponent(model, unit);
    units.set(component, [...(units.get(component) ?? []), unit]);
  }
  for (const [component, [unit, ...others]] of units) {
    // A lone unit has no other to keep step with (see the remarks).
    if (others.length === 0) continue;
    const { failure, repair, detection } = unitLaws(model, unit!);
    if (repair === undefined) continue;
    const laws = detection === undefined ? [failure, repair] : [failure, repair, detection];
    const cycle = laws.reduce((sum, law) => sum + law.mean, 0);
    if (!(cycle > 0 && Number.isFinite(cycle))) continue;
    const omega = (2 * Math.PI) / cycle;
    const damping = laws.reduce((product, law) => product * characteristicModulus(law, omega), 1);
    const tau = damping >= 1 ? Infinity : damping > 0 ? cycle / -Math.log(damping) : 0;
    if (tau > longest.value) {
      longest = {
        value: tau,
        what: `the phase of ${component.name}'s nearly periodic cycles (${damping >= 1 ? 'a deterministic cycle' : `damped by ${damping.toPrecision(3)} per cycle of ${compactNumber(cycle)}`})`,
      };
    }
  }
  return longest;
}

function compactNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}
