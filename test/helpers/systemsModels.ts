/** Models with several systems shared by the tests of several solvers. */

/** A pump station: flow needs the valve and 2 of 3 pumps, backup 1 of 3; one β group. */
export const PUMPS = `name: pumps with a common cause
components:
  pump: { count: 3, failure: { rate: 0.001 }, repair: { mttr: 20 } }
  valve: { failure: { rate: 0.0005 }, repair: { mttr: 10 } }
common_cause:
  - { name: pumps, members: [pump], model: beta-factor, factors: [0.1] }
systems:
  flow: { series: [valve, { koon: { k: 2, of: pump } }] }
  backup: { koon: { k: 1, of: pump } }
`;

/** `system:`, `systems:` and a quorum: four systems over one replica set. */
export const STORE = `name: store
components:
  replica: { count: 5, failure: { mtbf: 2000 }, repair: { mttr: 12 } }
  lb: { failure: { mtbf: 50000 }, repair: { mttr: 1 } }
system: { series: [lb, { koon: { k: 1, of: replica } }] }
systems:
  any: { koon: { k: 1, of: replica } }
quorum: { of: replica, read: 2, write: 4 }
`;
