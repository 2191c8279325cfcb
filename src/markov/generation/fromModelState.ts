import { SLOT, type ChainLayout, type PoolLayout } from './fromModelLayout.js';

// `!` on a state vector s (and its copies next, none, switched): s has layout.width entries,
// and chainLayout placed every slot read below inside it (group.offset + SLOT.*, block.offset
// and block.offset + 1, recoverySlot[c] ≥ 0, queueOffset + 1 + k for k < queueCapacity, the
// queue's length never exceeding its capacity); groups, blocks and rates are indexed by the
// group, block and component numbers the layout itself holds.

/**
 * Receives one transition out of the current state: the target state vector, its rate, and for a
 * repair ending the group whose unit it was. The vector may be reused for the next transition:
 * copy it to keep it.
 */
export type EmitTransition = (next: Int32Array, rate: number, completed?: number) => void;

/**
 * Writes into `x` the state of each variable of the structure in state `s` (each group's first
 * working units up, each block up when it has an active unit that is not being switched in),
 * and returns false instead when no system can be up in `s`: dead, or an outage in progress (a
 * pending recovery, or an uncovered failure whose unit is not yet repaired). A system is up in
 * `s` when this returns true and its structure works on `x` (docs/semantics.md).
 *
 * @param x - scratch for the variables' states, length `layout.variableCount`, overwritten
 * @param s - the state vector
 */
export function readVariables(layout: ChainLayout, x: Uint8Array, s: Int32Array): boolean {
  // `!`: slots of the layout, inside s (see the note at the top of this file).
  if (s[0] === 1) return false;
  for (const slot of layout.recoverySlot) if (slot >= 0 && s[slot]! > 0) return false;
  for (const [g, group] of layout.groups.entries()) {
    const o = group.offset;
    if (s[o + SLOT.detect1]! + s[o + SLOT.wait1]! + s[o + SLOT.repair1]! > 0) return false;
    if (layout.pools.length > 0 && s[o + SLOT.spare1]! > 0) return false;
    const working = inService(layout, s, group.component, g);
    let i = 0;
    for (const unit of group.units) x[unit] = i++ < working ? 1 : 0;
  }
  // Block b is variable units + b.
  let variable = layout.model.units.length;
  for (const block of layout.blocks) {
    x[variable++] = s[block.offset]! > 0 && s[block.offset + 1] === 0 ? 1 : 0;
  }
  return true;
}

/**
 * Emits every transition out of state `s` (semantics.md): failures (none while down with
 * idle_while_down), covered or not; detections; repairs, with a freed crew taking the head of
 * the queue; recoveries; switch-overs. Returns true when an uncovered failure met the cap on
 * overlapping recoveries of its component (the outages are merged).
 */
export function emitTransitions(
  layout: ChainLayout,
  s: Int32Array,
  up: number,
  emit: EmitTransition,
): boolean {
  // `!`: slots and group, block and component numbers of the layout (the note at the top).
  let capped = false;
  const { rates, groups, blocks } = layout;
  const ages = up === 1 || !layout.model.maintenance.idleWhileDown;
  // One scratch vector for the transitions emitted as soon as they are formed: emit copies a
  // new state, so one allocation a state replaces one a transition.
  const scratch = new Int32Array(s.length);
  const copyOf = (state: Int32Array): Int32Array => {
    scratch.set(state);
    return scratch;
  };
  groups.forEach((group, g) => {
    const rate = rates[group.component]!;
    const o = group.offset;
    const working = inService(layout, s, group.component, g);
    if (ages && working > 0) {
      let speed = working;
      let wasActive = false;
      if (group.block !== undefined) {
        const block = blocks[group.block]!;
        wasActive = s[block.offset] === group.position! + 1;
        speed = wasActive && s[block.offset + 1] === 0 ? 1 : block.node.dormancy;
      }
      if (speed > 0) {
        for (const [probability, next] of failureOutcomes(layout, s, g, wasActive)) {
          if (next === 'capped') capped = true;
          else emit(next, speed * rate.failure * probability);
        }
      }
    }
    if (rate.detection !== undefined) {
      for (const flag of [0, 1]) {
        const detecting = s[o + SLOT.detect0 + flag]!;
        if (detecting === 0) continue;
        const next = copyOf(s);
        next[o + SLOT.detect0 + flag]!--;
        demandRepair(layout, next, g, flag);
        emit(next, detecting * rate.detection);
      }
    }
    if (rate.repair !== undefined) {
      for (const flag of [0, 1]) {
        const repairing = s[o + SLOT.repair0 + flag]!;
        if (repairing === 0) continue;
        const next = copyOf(s);
        next[o + SLOT.repair0 + flag]!--;
        // A unit back from repair during a test of its component is in service, not tested.
        if (underTest(layout, s, group.component)) next[layout.backSlot[g]!]!++;
        takeFromQueue(layout, next);
        if (group.block !== undefined) {
          const slot = blocks[group.block]!.offset;
          // A unit back from repair becomes active in a block with none (no switch-over).
          if (next[slot] === 0) next[slot] = group.position! + 1;
        }
        emit(next, repairing * rate.repair, g);
      }
    }
  });
  layout.recoverySlot.forEach((slot, c) => {
    if (slot < 0 || s[slot] === 0) return;
    const next = copyOf(s);
    next[slot]!--;
    emit(next, s[slot]! * rates[c]!.recovery!);
  });
  for (const pool of layout.pools) {
    const orders = s[pool.ordersSlot]!;
    if (orders === 0) continue;
    const next = copyOf(s);
    next[pool.ordersSlot]!--;
    const token = takeAwaiting(layout, pool, next);
    if (token >= 0) {
      next[layout.groups[token >> 1]!.offset + SLOT.spare0 + (token & 1)]!--;
      enterRepair(layout, next, token >> 1, token & 1);
    }
    emit(next, orders * pool.leadRate);
  }
  for (const block of blocks) {
    if (block.switchRate === undefined || s[block.offset + 1] === 0) continue;
    const next = copyOf(s);
    next[block.offset + 1] = 0;
    emit(next, block.switchRate);
  }
  return capped;
}

/** Whether a test of component c is in progress in state s (its tests take time). */
function underTest(layout: ChainLayout, s: Int32Array, c: number): boolean {
  // `!`: c is a component of the layout, and a test slot ≥ 0 is inside s (chainLayout).
  const slot = layout.testSlot[c]!;
  return slot >= 0 && s[slot] === 1;
}

/**
 * Number of units of group g in service: its working units, or during a test of its component
 * only those back from repair since the test began.
 */
function inService(layout: ChainLayout, s: Int32Array, c: number, g: number): number {
  // `!`: g is a group of the layout; its back slot is inside s when its component has tests.
  if (underTest(layout, s, c)) {
    const back = layout.backSlot[g]!;
    return back >= 0 ? s[back]! : 0;
  }
  const group = layout.groups[g]!;
  return group.units.length - failedCount(layout, s, group.offset);
}

/**
 * The state after a test of component c begins (its tests take time): every working unit of it
 * is out of service until the test ends.
 */
export function testStart(layout: ChainLayout, s: Int32Array, c: number): Int32Array {
  // `!`: c has a test slot (the caller only starts tests that take time), inside s.
  const next = s.slice();
  next[layout.testSlot[c]!] = 1;
  return next;
}

/**
 * The state after a test of component c ends (at its epoch when it takes no time): the units
 * out of service return, and every revealable hidden failure is detected. A revealed unit with
 * a repair that takes no time is renewed at once (no crew); with a timed repair it starts it or
 * joins the queue as a detected failure does, group by group; without repair it stays failed.
 */
export function testEnd(layout: ChainLayout, s: Int32Array, c: number): Int32Array {
  // `!`: groups of component c and their slots, inside s (chainLayout).
  const next = s.slice();
  const testing = layout.testSlot[c]!;
  if (testing >= 0) next[testing] = 0;
  const rate = layout.rates[c]!;
  layout.groups.forEach((group, g) => {
    if (group.component !== c) return;
    const back = layout.backSlot[g]!;
    if (back >= 0) next[back] = 0;
    const hidden = group.offset + SLOT.hidden;
    if (rate.instantRepair) next[hidden] = 0;
    else if (rate.repair !== undefined) {
      for (; next[hidden]! > 0; next[hidden]!--) demandRepair(layout, next, g, 0);
    }
  });
  return next;
}

/** Number of failed units of the group whose slots start at `o`. */
export function failedCount(layout: ChainLayout, s: Int32Array, o: number): number {
  // `!`: o is a group's offset, and its groupWidth slots are inside s (chainLayout).
  let failed = 0;
  for (let k = 0; k < layout.groupWidth; k++) failed += s[o + k]!;
  return failed;
}

/**
 * The states one failure of a working unit of group g leads to, with their probabilities:
 * covered or not, then (the active unit of a standby block) the switch-over succeeding or not.
 */
function failureOutcomes(
  layout: ChainLayout,
  s: Int32Array,
  g: number,
  wasActive: boolean,
): [number, Int32Array | 'capped'][] {
  // `!`: g is a group of the layout, and the slots read are its own and its component's.
  const group = layout.groups[g]!;
  const rate = layout.rates[group.component]!;
  const o = group.offset;
  const repairable = rate.repair !== undefined;
  const outcomes: [number, Int32Array | 'capped'][] = [];
  if (rate.inspection !== undefined) {
    // Hidden: revealable by the tests with probability c (no coverage, detection or block here).
    const hidden = (slot: number): Int32Array => {
      const next = s.slice();
      next[o + slot]!++;
      if (underTest(layout, s, group.component)) next[layout.backSlot[g]!]!--;
      return next;
    };
    const c = rate.inspection.coverage;
    if (c > 0) outcomes.push([c, hidden(SLOT.hidden)]);
    if (c < 1) outcomes.push([1 - c, hidden(SLOT.never)]);
    return outcomes;
  }
  const afterFailure = (flag: number): Int32Array => {
    const next = s.slice();
    if (!repairable) next[o + SLOT.lost]!++;
    else if (rate.detection !== undefined) next[o + SLOT.detect0 + flag]!++;
    else demandRepair(layout, next, g, flag);
    return next;
  };
  const covered: [number, Int32Array][] = [];
  if (rate.coverage > 0) covered.push([rate.coverage, afterFailure(0)]);
  if (rate.coverage < 1) {
    const uncovered = 1 - rate.coverage;
    const slot = layout.recoverySlot[group.component]!;
    if (slot >= 0) {
      const next = afterFailure(0);
      if (next[slot]! < layout.model.components[group.component]!.count) next[slot]!++;
      else outcomes.push([0, 'capped']);
      covered.push([uncovered, next]);
    } else if (repairable) covered.push([uncovered, afterFailure(1)]);
    else outcomes.push([uncovered, deadState(layout)]);
  }
  for (const [probability, next] of covered) {
    if (group.block === undefined || !wasActive) outcomes.push([probability, next]);
    else {
      for (const [p, switched] of switchOutcomes(layout, next, group.block)) {
        outcomes.push([probability * p, switched]);
      }
    }
  }
  return outcomes;
}

/**
 * After the active unit of a block failed (or the unit being switched in): the first working
 * dormant unit in order is switched in with probability `switch.success` (after the delay when
 * there is one); otherwise, or without a working spare, the block has no active unit.
 */
function switchOutcomes(layout: ChainLayout, s: Int32Array, b: number): [number, Int32Array][] {
  // `!`: b is a block of the layout and its groups are groups of the layout.
  const block = layout.blocks[b]!;
  const none = s.slice();
  none[block.offset] = 0;
  none[block.offset + 1] = 0;
  const spare = block.groups.findIndex(
    (g) => failedCount(layout, s, layout.groups[g]!.offset) === 0,
  );
  if (spare < 0) return [[1, none]];
  const success = block.node.switchSuccess;
  const outcomes: [number, Int32Array][] = [];
  if (success > 0) {
    const switched = s.slice();
    switched[block.offset] = spare + 1;
    switched[block.offset + 1] = block.switchRate === undefined ? 0 : 1;
    outcomes.push([success, switched]);
  }
  if (success < 1) outcomes.push([1 - success, none]);
  return outcomes;
}

/**
 * A detected failed unit needs its repair: without a spare pool it goes to the crews at once;
 * with one it takes a spare on hand (stock − orders outstanding + units awaiting) and goes to the
 * crews, or else awaits a spare at the back of the pool's queue. Either way one order is placed.
 */
function demandRepair(layout: ChainLayout, s: Int32Array, g: number, flag: number): void {
  // `!`: g is a group of the layout, its component's pool (when ≥ 0) a pool of the layout, and
  // the pool's queue holds fewer than its capacity before this unit (a unit awaits once).
  const p = layout.poolOf[layout.groups[g]!.component]!;
  if (p < 0) return enterRepair(layout, s, g, flag);
  const pool = layout.pools[p]!;
  const onHand = pool.stock - s[pool.ordersSlot]! + awaitingCount(layout, p, s);
  s[pool.ordersSlot]!++;
  if (onHand > 0) return enterRepair(layout, s, g, flag);
  s[layout.groups[g]!.offset + SLOT.spare0 + flag]!++;
  if (pool.queueOffset < 0) return;
  const q = pool.queueOffset;
  s[q + s[q]! + 1] = g * 2 + flag;
  s[q]!++;
}

/** Number of units awaiting a spare of pool p in state s. */
function awaitingCount(layout: ChainLayout, p: number, s: Int32Array): number {
  // `!`: every group's slots are inside s (chainLayout).
  let awaiting = 0;
  for (const group of layout.groups) {
    if (layout.poolOf[group.component] !== p) continue;
    awaiting += s[group.offset + SLOT.spare0]! + s[group.offset + SLOT.spare1]!;
  }
  return awaiting;
}

/**
 * Removes the unit that has awaited a spare of the pool longest, returning its token (group·2 +
 * flag), or −1 when none awaits. Without a queue every awaiting unit is of the one kind.
 */
function takeAwaiting(layout: ChainLayout, pool: PoolLayout, s: Int32Array): number {
  // `!`: the queue's slots are inside s, and a token names a group of the layout (chainLayout).
  if (pool.queueOffset < 0) {
    const token = pool.onlyToken;
    return s[layout.groups[token >> 1]!.offset + SLOT.spare0 + (token & 1)]! > 0 ? token : -1;
  }
  const q = pool.queueOffset;
  const length = s[q]!;
  if (length === 0) return -1;
  const token = s[q + 1]!;
  for (let i = 1; i < length; i++) s[q + i] = s[q + i + 1]!;
  s[q + length] = 0;
  s[q] = length - 1;
  return token;
}

/** A detected failed unit starts repair when a crew is free, else joins the queue. */
function enterRepair(layout: ChainLayout, s: Int32Array, g: number, flag: number): void {
  // `!`: g is a group of the layout; the queue holds fewer than queueCapacity tokens before
  // this one (a unit waits once), so q + at + 1 stays inside s.
  const o = layout.groups[g]!.offset;
  if (layout.crews === undefined || busyCrews(layout, s) < layout.crews) {
    s[o + SLOT.repair0 + flag]!++;
    return;
  }
  s[o + SLOT.wait0 + flag]!++;
  // The queue is kept stably sorted by rank: within a rank, arrival order (longest waiting
  // first); across ranks the order never matters, so sorting makes equivalent states equal.
  const q = layout.queueOffset;
  const length = s[q]!;
  const rank = rankOf(layout, g * 2 + flag);
  let at = length;
  while (at > 0 && rankOf(layout, s[q + at]!) > rank) {
    s[q + at + 1] = s[q + at]!;
    at--;
  }
  s[q + at + 1] = g * 2 + flag;
  s[q] = length + 1;
}

/** A crew freed by a repair takes the head of the queue (highest rank, longest waiting). */
function takeFromQueue(layout: ChainLayout, s: Int32Array): void {
  // `!`: the queue's slots are inside s, and each token names a group of the layout (token >> 1).
  const q = layout.queueOffset;
  const length = s[q]!;
  if (layout.crews === undefined || length === 0) return;
  const token = s[q + 1]!;
  for (let i = 1; i < length; i++) s[q + i] = s[q + i + 1]!;
  s[q + length] = 0;
  s[q] = length - 1;
  const o = layout.groups[token >> 1]!.offset;
  s[o + SLOT.wait0 + (token & 1)]!--;
  s[o + SLOT.repair0 + (token & 1)]!++;
}

function busyCrews(layout: ChainLayout, s: Int32Array): number {
  // `!`: every group's repair slots are inside s (chainLayout).
  let busy = 0;
  for (const group of layout.groups)
    busy += s[group.offset + SLOT.repair0]! + s[group.offset + SLOT.repair1]!;
  return busy;
}

function rankOf(layout: ChainLayout, token: number): number {
  // `!`: a queue token is group · 2 + flag for a group of the layout.
  return layout.rates[layout.groups[token >> 1]!.component]!.rank;
}

/** The one absorbing state of a permanent outage (an uncovered failure of a non-repairable unit). */
export function deadState(layout: ChainLayout): Int32Array {
  const dead = new Int32Array(layout.width);
  dead[0] = 1;
  return dead;
}
