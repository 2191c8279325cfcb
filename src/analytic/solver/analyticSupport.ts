import { unitLaws } from '../../model/componentFacts.js';
import { UnsupportedModelError, withArticle } from '../../errors.js';
import { type Model, unitComponent } from '../../model/Model.js';
import { sharedRepairReason } from '../../model/sharedRepairs.js';
import type { StandbyBlock } from '../../structure/toStructure.js';

/** The commands that solve what the closed forms cannot. */
const MARKOV_OR_SIMULATE = 'use relkit markov (exponential times) or relkit simulate';
const SIMULATE = 'use relkit simulate';

/**
 * Checks that the closed forms apply: units independent (unlimited crews, no spare pools, no
 * coverage with repair, no ageing halted while down, standby only without repair) and standby blocks of
 * exponential units solvable as a sequential chain.
 *
 * @throws {@link UnsupportedModelError} naming the first feature that makes units dependent, and
 * the command that can solve the model
 */
export function checkAnalyticSupport(model: Model, blocks: readonly StandbyBlock[]): void {
  const repairable = model.components.filter((component) => component.repair !== undefined);
  for (const component of model.components) {
    const { preventive, name } = component;
    if (!preventive) continue;
    if (preventive.policy === 'block') {
      throw new UnsupportedModelError(
        'analytic',
        `component ${name} has block replacement: a unit in repair at a block epoch carries over, so its cycles are not renewals`,
        SIMULATE,
      );
    }
    if (component.repair === undefined || model.components.some((other) => other.inspection)) {
      throw new UnsupportedModelError(
        'analytic',
        `component ${name} has age replacement ${component.repair === undefined ? 'and no repair' : 'beside proof-tested components'}; the closed forms take age replacement of repairable units in the steady state only`,
        SIMULATE,
      );
    }
  }
  const unsupported = (reason: string, suggestion = MARKOV_OR_SIMULATE): never => {
    throw new UnsupportedModelError('analytic', reason, suggestion);
  };
  if (repairable.length > 0) {
    const uncovered = repairable.find((component) => component.coverage < 1);
    if (uncovered) {
      unsupported(
        `component ${uncovered.name} is repairable with coverage ${uncovered.coverage} < 1: an uncovered failure downs the whole system until repaired, so units are dependent`,
      );
    }
    const rebooted = model.components.find(
      (component) => component.repair === undefined && component.coverage < 1 && component.recovery,
    );
    if (rebooted) {
      unsupported(
        `component ${rebooted.name} is not repaired, has coverage ${rebooted.coverage} < 1 and a recovery time: an uncovered failure downs the whole system for the recovery whatever the other units do, so units are dependent`,
      );
    }
    const shared = sharedRepairReason(model);
    if (shared !== undefined) {
      const slowLead = model.maintenance.spares?.some(
        (pool) => pool.leadTime.dist !== 'exponential',
      );
      unsupported(shared, slowLead ? SIMULATE : MARKOV_OR_SIMULATE);
    }
  }
  for (const block of blocks) checkBlock(model, block, unsupported);
}

function checkBlock(
  model: Model,
  block: StandbyBlock,
  unsupported: (reason: string, suggestion?: string) => never,
): void {
  const components = block.units.map((unit) => unitComponent(model, unit));
  const at = `the standby block at ${block.path}`;
  const repairable = components.find((component) => component.repair !== undefined);
  if (repairable)
    unsupported(
      `${at} has the repairable component ${repairable.name}: spares and repairs interact`,
    );
  const nonExponential = components.find((component) => component.failure.dist !== 'exponential');
  if (nonExponential) {
    unsupported(
      `${at} has ${nonExponential.name} with ${withArticle(nonExponential.failure.dist)} lifetime; closed forms need exponential lifetimes`,
      SIMULATE,
    );
  }
  if (block.switchDelay)
    unsupported(`${at} has a switch delay: the block is down while switching`, SIMULATE);
  const uncovered = components.find((component) => component.coverage < 1);
  if (uncovered) unsupported(`${at} has ${uncovered.name} with coverage ${uncovered.coverage} < 1`);
  if (
    block.mode !== 'cold' &&
    new Set(block.units.map((unit) => unitLaws(model, unit).failure.mean)).size > 1
  ) {
    unsupported(
      `${at} is ${block.mode} with units of different failure rates: spares that fail while dormant make the order matter`,
    );
  }
}
