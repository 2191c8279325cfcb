/**
 * Accumulates the maintenance costs of one replication (docs/semantics.md, "Costs"): lump costs
 * (a corrective repair, a preventive replacement, a test) at the instant they fall, and costs per
 * time unit (units out of service, crews repairing) as a piecewise-constant rate, integrated at
 * each change of the rate. Keeps two totals: the cost in [0, T] (`mission`) and the cost of the
 * open regeneration cycle (`cycle`, handed over and cleared by {@link CostMeter.endCycle}).
 *
 * @remarks Called by the simulator's maintenance path only (never on the specialised path of
 * models without costs). O(1) per call, no allocation.
 */
export class CostMeter {
  /** Cost in [0, T] so far. */
  mission = 0;
  /** Cost of the open regeneration cycle so far. */
  private cycle = 0;
  /** The present cost per time unit. */
  private rate = 0;
  /** Time up to which the rate has been integrated. */
  private since = 0;
  private readonly horizon: number;

  /** @param horizon - T, end of the mission interval */
  constructor(horizon: number) {
    this.horizon = horizon;
  }

  /** Starts a replication at time 0 with no cost and a rate of 0. */
  reset(): void {
    this.mission = 0;
    this.cycle = 0;
    this.rate = 0;
    this.since = 0;
  }

  /** Adds `amount` at time `now` (to the mission when now ≤ T). */
  lump(now: number, amount: number): void {
    this.cycle += amount;
    if (now <= this.horizon) this.mission += amount;
  }

  /** The cost rate changes by `delta` at `now` (after integrating the old rate up to now). */
  changeRate(now: number, delta: number): void {
    this.integrate(now);
    this.rate += delta;
  }

  /** Integrates the rate up to `now`: ∫ rate dt into the cycle, its part in [0, T] into the mission. */
  integrate(now: number): void {
    const from = this.since;
    if (this.rate !== 0 && now > from) {
      this.cycle += this.rate * (now - from);
      const horizon = this.horizon;
      if (from < horizon) this.mission += this.rate * ((now < horizon ? now : horizon) - from);
    }
    this.since = now;
  }

  /** Closes the open cycle at `now`: returns its cost and starts the next at 0. */
  endCycle(now: number): number {
    this.integrate(now);
    const cost = this.cycle;
    this.cycle = 0;
    return cost;
  }
}
