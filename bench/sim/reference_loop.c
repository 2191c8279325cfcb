/*
 * Reference event loop in plain C for the k-of-n repair benchmark (bench/sim/anchor.mjs): the
 * model of bench/sim/kofn-repair-weibull.yaml (or, with --variant exponential, of
 * bench/sim/kofn-repair.yaml), written the straightforward way, as the speed anchor for relkit's
 * simulator.
 *
 * Model: N = 10 units, the system is up while at least K = 7 work; each unit lives a Weibull
 * (shape 1.5, mean 1000 h) lifetime, fails, waits for one of CREWS = 2 repair crews (first
 * failed, first served), is repaired in a lognormal time (mean 10 h, sd 5 h) and starts a new
 * life as good as new. Horizon T = 1e5 h. An event is a unit failure or a repair completion
 * handled in [0, T] (relkit's SimulationResult.events); starting a repair is not an event. Each
 * replication records its down time in [0, T] and its first system failure, as relkit does.
 *
 * Plain choices throughout: xoshiro256** seeded per replication by splitmix64, 53-bit uniforms,
 * Weibull by inversion scale * pow(-log(1 - u), 1/shape), lognormal exp(mu + sigma * z) with z
 * from Marsaglia's polar method (the second variate kept for the next call), exponential
 * -mean * log(1 - u), a binary min-heap of (time, unit) pairs, libm's pow, exp and log.
 *
 * Build: gcc -O2 -o reference_loop bench/sim/reference_loop.c -lm
 * Usage: reference_loop [--variant weibull|exponential] [--replications R] [--runs M]
 * Prints one JSON line: the events/s of each of the M timed runs over R replications by the wall
 * clock (rates) and by the process's CPU time (cpuRates), the events, and the mean
 * unavailability over [0, T] (a check that the model is the same).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N 10
#define K 7
#define CREWS 2
#define HORIZON 1e5

/* xoshiro256** (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c). */
static uint64_t s[4];

static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t next64(void) {
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* A uniform double in [0, 1), 53 random bits. */
static inline double uniform(void) { return (double)(next64() >> 11) * 0x1.0p-53; }

/* splitmix64 (https://prng.di.unimi.it/splitmix64.c), to key each replication's stream. */
static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void seed_replication(uint64_t seed, uint64_t replication) {
  uint64_t x = seed * 0x100000000ULL + replication;
  for (int i = 0; i < 4; i++) s[i] = splitmix64(&x);
}

/* Standard normal by Marsaglia's polar method; the second variate is kept for the next call. */
static int has_spare = 0;
static double spare;

static double normal(void) {
  if (has_spare) {
    has_spare = 0;
    return spare;
  }
  double u, v, q;
  do {
    u = 2 * uniform() - 1;
    v = 2 * uniform() - 1;
    q = u * u + v * v;
  } while (q >= 1 || q == 0);
  const double f = sqrt(-2 * log(q) / q);
  spare = v * f;
  has_spare = 1;
  return u * f;
}

/* The laws. */
static int weibull_variant = 1;
static double weibull_scale, weibull_inverse_shape, lognormal_mu, lognormal_sigma;
static const double EXPONENTIAL_LIFE = 1000, EXPONENTIAL_REPAIR = 10;

static double life(void) {
  if (weibull_variant) return weibull_scale * pow(-log(1 - uniform()), weibull_inverse_shape);
  return -EXPONENTIAL_LIFE * log(1 - uniform());
}

static double repair(void) {
  if (weibull_variant) return exp(lognormal_mu + lognormal_sigma * normal());
  return -EXPONENTIAL_REPAIR * log(1 - uniform());
}

/* A binary min-heap of pending timers, one per unit at most. */
static double heap_time[N];
static int heap_unit[N];
static int heap_size;

static void push(double time, int unit) {
  int i = heap_size++;
  while (i > 0) {
    const int parent = (i - 1) / 2;
    if (heap_time[parent] <= time) break;
    heap_time[i] = heap_time[parent];
    heap_unit[i] = heap_unit[parent];
    i = parent;
  }
  heap_time[i] = time;
  heap_unit[i] = unit;
}

/* Removes the earliest timer into *time and *unit. */
static void pop(double *time, int *unit) {
  *time = heap_time[0];
  *unit = heap_unit[0];
  const double last_time = heap_time[--heap_size];
  const int last_unit = heap_unit[heap_size];
  int i = 0;
  for (;;) {
    int child = 2 * i + 1;
    if (child >= heap_size) break;
    if (child + 1 < heap_size && heap_time[child + 1] < heap_time[child]) child++;
    if (heap_time[child] >= last_time) break;
    heap_time[i] = heap_time[child];
    heap_unit[i] = heap_unit[child];
    i = child;
  }
  heap_time[i] = last_time;
  heap_unit[i] = last_unit;
}

/* One replication: returns its events; adds its down time in [0, T] to *downtime. */
static long replicate(double *downtime, double *first_failure) {
  int working = N, free_crews = CREWS, waiting[N], wait_head = 0, wait_length = 0;
  long events = 0;
  double down_since = -1;
  *first_failure = INFINITY;
  heap_size = 0;
  has_spare = 0;
  for (int u = 0; u < N; u++) push(life(), u);
  for (;;) {
    double now;
    int unit;
    pop(&now, &unit);
    if (now > HORIZON) break;
    events++;
    const int up_before = working >= K;
    /* A working unit's timer is its failure, keyed by the unit u; a unit in repair has its
       repair end, keyed by u - N < 0. */
    if (unit >= 0) {
      working--;
      if (free_crews > 0) {
        free_crews--;
        push(now + repair(), unit - N);
      } else {
        waiting[(wait_head + wait_length++) % N] = unit;
      }
    } else {
      const int repaired = unit + N;
      working++;
      push(now + life(), repaired);
      if (wait_length > 0) {
        const int next = waiting[wait_head];
        wait_head = (wait_head + 1) % N;
        wait_length--;
        push(now + repair(), next - N);
      } else {
        free_crews++;
      }
    }
    const int up = working >= K;
    if (up != up_before) {
      if (!up) {
        down_since = now;
        if (now < *first_failure) *first_failure = now;
      } else {
        *downtime += now - down_since;
        down_since = -1;
      }
    }
  }
  if (down_since >= 0) *downtime += HORIZON - down_since;
  return events;
}

/* Seconds on a clock: CLOCK_MONOTONIC (wall) or CLOCK_PROCESS_CPUTIME_ID (CPU of the process). */
static double seconds(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  long replications = 10000;
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--replications") == 0) replications = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--runs") == 0) runs = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "--variant") == 0) weibull_variant = strcmp(argv[i + 1], "exponential") != 0;
    else {
      fprintf(stderr, "unknown option %s\n", argv[i]);
      return 64;
    }
  }
  const double shape = 1.5;
  weibull_scale = 1000 / tgamma(1 + 1 / shape);
  weibull_inverse_shape = 1 / shape;
  lognormal_sigma = sqrt(log1p(0.25));
  lognormal_mu = log(10.0) - lognormal_sigma * lognormal_sigma / 2;
  printf("{\"variant\":\"%s\",\"replications\":%ld,\"rates\":[", weibull_variant ? "weibull" : "exponential",
         replications);
  long events = 0;
  double unavailability = 0, mean_first_failure = 0, cpu_rates[64];
  if (runs < 1 || runs > 64) {
    fprintf(stderr, "--runs must be 1 to 64\n");
    return 64;
  }
  for (int run = 0; run < runs; run++) {
    double downtime = 0, first_sum = 0;
    long first_count = 0;
    events = 0;
    const double started = seconds(CLOCK_MONOTONIC);
    const double cpu_started = seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (long r = 0; r < replications; r++) {
      double first;
      seed_replication(1, (uint64_t)r);
      events += replicate(&downtime, &first);
      if (first <= HORIZON) {
        first_sum += first;
        first_count++;
      }
    }
    const double elapsed = seconds(CLOCK_MONOTONIC) - started;
    cpu_rates[run] = events / (seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_started);
    printf("%s%.6g", run ? "," : "", events / elapsed);
    unavailability = downtime / (replications * HORIZON);
    mean_first_failure = first_count ? first_sum / first_count : NAN;
  }
  printf("],\"cpuRates\":[");
  for (int run = 0; run < runs; run++) printf("%s%.6g", run ? "," : "", cpu_rates[run]);
  printf("],\"events\":%ld,\"unavailability\":%.6g,\"meanFirstFailureBeforeT\":%.6g}\n", events,
         unavailability, mean_first_failure);
  return 0;
}
