/**
 * The seeds a randomized test runs, from its environment variables: `<PREFIX>_SEED=17,42` runs
 * those seeds; otherwise `<PREFIX>_COUNT` seeds (default `count`) from `<PREFIX>_START`
 * (default 1). CI uses the defaults; longer runs and replays of a finding set the variables.
 */
export function seedsFromEnv(prefix: string, count: number): number[] {
  const listed = process.env[`${prefix}_SEED`];
  if (listed) return listed.split(',').map(Number);
  const total = Number(process.env[`${prefix}_COUNT`] ?? count);
  const start = Number(process.env[`${prefix}_START`] ?? 1);
  return Array.from({ length: total }, (_, i) => start + i);
}
