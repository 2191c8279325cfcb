"""SimPy version of the k-of-n repair benchmark (bench/sim/kofn-repair.yaml and its Weibull variant).

Each of the n units is a SimPy process: it lives for a drawn lifetime, fails, requests a crew from a
Resource of capacity 2 (first come, first served), holds for a drawn repair time, releases the crew and
starts a new life, as good as new. The system is up while at least k units work; the script tracks the
down time in [0, T] and the first system failure, as relkit's simulator does.

Events are counted as relkit counts them (src/sim/types.ts, SimulationResult.events): one per unit
failure and one per repair completion processed in [0, T]. Starting a repair is not an event in
either count (in relkit it is scheduled at the failure or at the previous repair's end).

Runs with SimPy 3/4 (`import simpy`, `simpy.Resource`) when installed, else with SimPy 2.3 (Debian's
python3-simpy: `SimPy.Simulation.Resource`, the same FIFO resource in the classic API).

Usage: /usr/bin/python3 bench/sim/kofn_simpy.py [--variant exponential|weibull] [--replications N]
Prints one JSON line: replications, events, seconds, eventsPerSecond, SimPy version, availability.
"""

import argparse
import json
import math
import random
import time

N, K, CREWS, HORIZON = 10, 7, 2, 1e5
RATE, MTTR = 1e-3, 10.0
WEIBULL_SHAPE = 1.5
WEIBULL_SCALE = 1000 / math.gamma(1 + 1 / WEIBULL_SHAPE)  # mean 1000 h
LOGNORMAL_MEAN, LOGNORMAL_SD = 10.0, 5.0
LOGNORMAL_SIGMA = math.sqrt(math.log(1 + (LOGNORMAL_SD / LOGNORMAL_MEAN) ** 2))
LOGNORMAL_MU = math.log(LOGNORMAL_MEAN) - LOGNORMAL_SIGMA**2 / 2


def samplers(variant, rng):
    if variant == "weibull":
        return (lambda: rng.weibullvariate(WEIBULL_SCALE, WEIBULL_SHAPE),
                lambda: rng.lognormvariate(LOGNORMAL_MU, LOGNORMAL_SIGMA))
    return lambda: rng.expovariate(RATE), lambda: rng.expovariate(1 / MTTR)


class State:
    """Counts events and system up/down changes of one replication."""

    def __init__(self):
        self.events = 0
        self.failed_units = 0
        self.down_since = None
        self.downtime = 0.0
        self.first_failure = None

    def unit_failed(self, now):
        self.events += 1
        self.failed_units += 1
        if self.failed_units == N - K + 1:
            self.down_since = now
            if self.first_failure is None:
                self.first_failure = now

    def unit_repaired(self, now):
        self.events += 1
        self.failed_units -= 1
        if self.failed_units == N - K:
            self.downtime += now - self.down_since
            self.down_since = None

    def finish(self, horizon):
        if self.down_since is not None:
            self.downtime += horizon - self.down_since


def replicate_simpy3(simpy, variant, seed):
    env = simpy.Environment()
    crews = simpy.Resource(env, capacity=CREWS)
    life, repair = samplers(variant, random.Random(seed))
    state = State()

    def unit():
        while True:
            yield env.timeout(life())
            state.unit_failed(env.now)
            with crews.request() as crew:
                yield crew
                yield env.timeout(repair())
            state.unit_repaired(env.now)

    for _ in range(N):
        env.process(unit())
    env.run(until=HORIZON)
    state.finish(HORIZON)
    return state


def replicate_simpy2(sim_module, variant, seed):
    S = sim_module
    sim = S.Simulation()
    sim.initialize()
    crews = S.Resource(capacity=CREWS, sim=sim)
    life, repair = samplers(variant, random.Random(seed))
    state = State()

    class Unit(S.Process):
        def run(self):
            while True:
                yield S.hold, self, life()
                state.unit_failed(sim.now())
                yield S.request, self, crews
                yield S.hold, self, repair()
                yield S.release, self, crews
                state.unit_repaired(sim.now())

    for i in range(N):
        unit = Unit(name=f"unit[{i}]", sim=sim)
        sim.activate(unit, unit.run())
    sim.simulate(until=HORIZON)
    state.finish(HORIZON)
    return state


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=["exponential", "weibull"], default="exponential")
    parser.add_argument("--replications", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    try:
        import simpy

        version = f"simpy {simpy.__version__}"
        replicate = lambda seed: replicate_simpy3(simpy, args.variant, seed)  # noqa: E731
    except ImportError:
        import SimPy
        import SimPy.Simulation as S

        version = f"SimPy {SimPy.__version__} (classic API)"
        replicate = lambda seed: replicate_simpy2(S, args.variant, seed)  # noqa: E731
    events = 0
    downtime = 0.0
    started = time.perf_counter()
    for i in range(args.replications):
        state = replicate(args.seed * 1_000_003 + i)
        events += state.events
        downtime += state.downtime
    seconds = time.perf_counter() - started
    print(json.dumps({
        "simpy": version,
        "variant": args.variant,
        "replications": args.replications,
        "events": events,
        "seconds": seconds,
        "eventsPerSecond": events / seconds,
        "intervalAvailability": 1 - downtime / (args.replications * HORIZON),
    }))


if __name__ == "__main__":
    main()
