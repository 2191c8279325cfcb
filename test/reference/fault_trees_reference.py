"""Exact answers for the fault-tree examples in models/, computed independently of relkit.

Method: the model file is read with PyYAML and every number evaluated here (mpmath, 30 digits);
the top event is tabulated over all 2^n states of the basic events (the truth table as one
integer of 2^n bits, bit s set when the top event occurs in state s, bit i of s set when event i
has occurred; each gate is a bitwise operation on its children's tables). From the table:
  P(top)           Σ over the set bits of Π q_i or (1 − q_i), summed by halving the table
                   variable by variable (P = q·P(upper half) + (1 − q)·P(lower half), equal
                   halves summed once), and for n ≤ 16 also state by state as a check;
  cut sets         coherent trees (checked: the table is monotone): the minimal states S of the
                   table, no bit of S removable; non-coherent trees: prime implicants by brute
                   force over all 3^n terms (a term is an implicant when its cube lies in the
                   table, prime when no literal can be dropped);
  importance       by definition from conditional probabilities, Q1 = P(top | event i occurs)
                   and Q0 = P(top | it does not), each a new evaluation of the table with q_i
                   set to 1 or 0: Birnbaum Q1 − Q0, criticality q_i(Q1 − Q0)/Q, diagnostic
                   q_i·Q1/Q, RAW Q1/Q, RRW Q/Q0 (null when Q0 = 0); Fussell–Vesely
                   P(⋃ minimal cut sets containing i)/Q, the union tabulated like the top
                   event (and checked by inclusion–exclusion up to 12 sets); a non-coherent
                   tree has no minimal cut sets, and no Fussell–Vesely value (null).
q_i at the mission time: λ/(λ+μ)·(1 − e^{−(λ+μ)t}) with μ = 1/mttr, or 1 − e^{−λt} without
repair; fixed probabilities as written. Common-cause groups (beta-factor, Open-PSA MEF): members
of probability Q_t keep their names as the independent parts, (1 − β)Q_t, and one event
`[a b …]` of probability βQ_t fails them all; each member is the OR of the two.

Cross-checked with SCRAM 0.16.2 (the four models written as MEF XML outside the repository,
timed events as GLM(0, λ, μ, t) and exponential(λ, t), `scram --bdd --probability 1 --importance
1`, `--ccf 1` for the groups, `--prime-implicants` for the NOT): P(top), the cut-set and prime-
implicant counts and every MIF, CIF, DIF, RAW and RRW agree to the 6 digits SCRAM prints
(relative differences at most 4.8e-6); Fussell–Vesely has no SCRAM counterpart.

Cost: every table is an integer of 2^n bits, n ≤ 25 (a made-up tree of 24 events takes 4 s);
prime implicants try all 3^n terms (0.1 s at n = 9, 4 s at 12, 70 s at 14): non-coherent trees
stay small.

Run: python3 test/reference/fault_trees_reference.py [model.yaml …]
(Python 3.11, mpmath 1.3.0, PyYAML 6.0.3; 2026-12-05). Prints `key = value` lines (17
significant digits) for each model; they are pasted into the models' header comments.
"""
import ast
import itertools
import pathlib
import sys

import mpmath as mp
import yaml

mp.mp.dps = 30

MODELS = pathlib.Path(__file__).resolve().parents[2] / 'models'
FILES = ['loss-of-cooling.yaml', 'fire-detection.yaml', 'safety-function-ccf.yaml',
         'interlock-not.yaml']
MEASURES = ['birnbaum', 'criticality', 'diagnostic', 'raw', 'rrw', 'fussellVesely']
FUNCTIONS = {'exp': mp.exp, 'log': mp.log, 'sqrt': mp.sqrt}


# ---------------------------------------------------------------- numbers and the model file

def number(raw, params):
    """A Numeric of the model file: a number, or an expression over parameters (+ - * / ^)."""
    if isinstance(raw, bool):
        raise ValueError(f'not a number: {raw!r}')
    if isinstance(raw, (int, float)):
        return mp.mpf(repr(raw))
    text = str(raw)
    try:
        return mp.mpf(text)  # PyYAML reads `1e-4` (no dot) as a string
    except ValueError:
        tree = ast.parse(text.replace('^', '**'), mode='eval')
        return evaluate_expression(tree.body, params)


def evaluate_expression(node, params):
    """The value of a parsed expression: numbers, parameters, arithmetic, exp, log, sqrt."""
    ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
           ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
           ast.Pow: lambda a, b: a ** b}
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return mp.mpf(repr(node.value))
    if isinstance(node, ast.Name):
        return params[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = evaluate_expression(node.operand, params)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in ops:
        return ops[type(node.op)](evaluate_expression(node.left, params),
                                  evaluate_expression(node.right, params))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1:
        return FUNCTIONS[node.func.id](evaluate_expression(node.args[0], params))
    raise ValueError(f'unsupported expression: {ast.dump(node)}')


def event_probability(name, spec, params, mission_time):
    """q_i: a fixed probability, or the point unavailability at the mission time."""
    if 'probability' in spec:
        return number(spec['probability'], params)
    failure = spec['failure']
    assert set(failure) == {'rate'}, f'{name}: only exponential `rate` failures are read here'
    lam = number(failure['rate'], params)
    t = mp.mpf(mission_time)
    repair = spec.get('repair')
    if repair is None:
        return -mp.expm1(-lam * t)
    assert set(repair) == {'mttr'}, f'{name}: only `mttr` repairs are read here'
    mu = 1 / number(repair['mttr'], params)
    return lam / (lam + mu) * -mp.expm1(-(lam + mu) * t)


class Tree:
    """The expanded basic events (names, q) and the failure logic as nested tuples."""

    def __init__(self, model):
        params = {}
        for key, raw in (model.get('parameters') or {}).items():
            params[key] = number(raw, params)
        mission_time = model.get('mission_time')
        self.names = []
        self.q = []
        for name, spec in model['events'].items():
            self.names.append(name)
            self.q.append(event_probability(name, spec, params, mission_time))
        self.houses = dict(model.get('house_events') or {})
        self.member_node = {name: ('event', i) for i, name in enumerate(self.names)}
        for group in model.get('common_cause') or []:
            self.expand_group(group, params)
        self.gates = model['fault_tree']['gates']
        self.built = {}
        self.root = self.node(model['fault_tree']['top'])

    def expand_group(self, group, params):
        assert group['model'] == 'beta-factor', 'only beta-factor groups are read here'
        (beta,) = [number(f, params) for f in group['factors']]
        members = [self.names.index(m) for m in group['members']]
        totals = {self.q[i] for i in members}
        assert len(totals) == 1, f'{group["name"]}: members must have one probability'
        (total,) = totals
        ccf = len(self.names)
        self.names.append('[' + ' '.join(group['members']) + ']')
        self.q.append(beta * total)
        for i in members:
            self.q[i] = (1 - beta) * total
            self.member_node[self.names[i]] = ('or', [('event', i), ('event', ccf)])

    def node(self, raw):
        if isinstance(raw, str):
            if raw in self.gates:
                if raw not in self.built:
                    self.built[raw] = self.node(self.gates[raw])
                return self.built[raw]
            if raw in self.houses:
                return ('house', bool(self.houses[raw]))
            return self.member_node[raw]
        ((kind, body),) = raw.items()
        if kind == 'not':
            return ('not', self.node(body))
        if kind in ('atleast', 'vote'):
            return ('atleast', int(body['k']), [self.node(c) for c in body['of']])
        assert kind in ('and', 'or', 'xor', 'nand', 'nor'), kind
        return (kind, [self.node(c) for c in body])


# ---------------------------------------------------------------- truth tables (2^n bits)

def columns(n):
    """Event i's table: bit s set when bit i of s is set (event i has occurred in state s)."""
    size = 1 << n
    full = (1 << size) - 1
    cols = []
    for i in range(n):
        pattern = ((1 << (1 << i)) - 1) << (1 << i)  # 2^i zeros then 2^i ones
        width = 1 << (i + 1)
        while width < size:  # repeat the period by doubling
            pattern |= pattern << width
            width <<= 1
        cols.append(pattern)
    return cols, full


def table(node, cols, full, memo):
    """The truth table of a node; a gate shared by several parents is tabulated once."""
    key = id(node)
    if key in memo:
        return memo[key][1]
    kind = node[0]
    if kind == 'event':
        value = cols[node[1]]
    elif kind == 'house':
        value = full if node[1] else 0
    elif kind == 'not':
        value = full & ~table(node[1], cols, full, memo)
    elif kind == 'atleast':
        k, children = node[1], node[2]
        at_least = [full] + [0] * k  # at_least[j]: at least j children occurred so far
        for child in children:
            t = table(child, cols, full, memo)
            for j in range(k, 0, -1):
                at_least[j] |= at_least[j - 1] & t
        value = at_least[k]
    else:
        tables = [table(c, cols, full, memo) for c in node[1]]
        if kind in ('and', 'nand'):
            value = full
            for t in tables:
                value &= t
        elif kind in ('or', 'nor'):
            value = 0
            for t in tables:
                value |= t
        else:  # xor: an odd number of children occurred
            value = 0
            for t in tables:
                value ^= t
        if kind in ('nand', 'nor'):
            value = full & ~value
    memo[key] = (node, value)  # keep node alive so id() stays unique
    return value


def probability(bits, q, n):
    """Σ over set bits s of Π_i (q_i if bit i of s else 1 − q_i), halving on the top variable."""
    memo = {}

    def go(bits, level):  # bits: a table over variables 0 … level−1
        if bits == 0:
            return mp.mpf(0)
        if level == 0:
            return mp.mpf(1)
        key = (bits, level)
        if key not in memo:
            half = 1 << (level - 1)
            low = bits & ((1 << half) - 1)
            high = bits >> half
            qi = q[level - 1]
            memo[key] = qi * go(high, level - 1) + (1 - qi) * go(low, level - 1)
        return memo[key]

    return go(bits, n)


def probability_by_states(bits, q, n):
    """The same sum, state by state (the check for n ≤ 16)."""
    total = mp.mpf(0)
    for s in range(1 << n):
        if bits >> s & 1:
            w = mp.mpf(1)
            for i in range(n):
                w *= q[i] if s >> i & 1 else 1 - q[i]
            total += w
    return total


def is_monotone(bits, cols, n):
    """Coherence: a state in the table stays in it when any further event occurs."""
    for i in range(n):
        without_i = bits & ~cols[i]
        if (without_i << (1 << i)) & ~bits:
            return False
    return True


def minimal_cut_sets(bits, cols, n):
    """States S in the table with no S − {i} in it (for a monotone table: the minimal cut sets).

    S − {i} is in the table, for S holding i, exactly at the bits (table without i) << 2^i.
    """
    reducible = 0
    for i in range(n):
        reducible |= (bits & ~cols[i]) << (1 << i)
    minimal = bits & ~reducible
    sets = []
    while minimal:
        lowest = minimal & -minimal
        sets.append(lowest.bit_length() - 1)
        minimal ^= lowest
    return sets


def prime_implicants(bits, cols, full, n):
    """Terms (fixed mask, values) whose cube lies in the table and no literal can be dropped."""
    def implicant(mask, values):
        c = cube_table(mask, values, cols, full, n)
        return c & bits == c

    primes = []
    for digits in range(3 ** n):
        mask = values = 0
        d = digits
        for i in range(n):
            d, r = divmod(d, 3)
            if r:
                mask |= 1 << i
                values |= (r - 1) << i
        if implicant(mask, values) and all(
                not implicant(mask & ~(1 << i), values & ~(1 << i))
                for i in range(n) if mask >> i & 1):
            primes.append((mask, values))
    return primes


# ---------------------------------------------------------------- measures

def analyse(model):
    """P(top), the cut-set or prime-implicant count and the importance of every basic event."""
    tree = Tree(model)
    n = len(tree.names)
    assert n <= 25, 'at most 25 basic events'
    cols, full = columns(n)
    top = table(tree.root, cols, full, {})
    q = tree.q
    Q = probability(top, q, n)
    if n <= 16:
        check = probability_by_states(top, q, n)
        assert abs(check - Q) <= mp.mpf('1e-27') * Q, (check, Q)
    out = {'topEventProbability': Q}
    coherent = is_monotone(top, cols, n)
    if coherent:
        cut_sets = minimal_cut_sets(top, cols, n)
        out['minimalCutSets.count'] = len(cut_sets)
    else:
        out['primeImplicants.count'] = len(prime_implicants(top, cols, full, n))
    for i, name in enumerate(tree.names):
        Q1 = probability(top, q[:i] + [mp.mpf(1)] + q[i + 1:], n)
        Q0 = probability(top, q[:i] + [mp.mpf(0)] + q[i + 1:], n)
        values = {
            'birnbaum': Q1 - Q0,
            'criticality': q[i] * (Q1 - Q0) / Q,
            'diagnostic': q[i] * Q1 / Q,
            'raw': Q1 / Q,
            'rrw': Q / Q0 if Q0 != 0 else None,
            # Defined on minimal cut sets, which a non-coherent tree has not: no value (null).
            'fussellVesely': union_probability(cut_sets, i, cols, full, q, n) / Q if coherent
            else None,
        }
        for measure in MEASURES:
            out[f'{measure}({name})'] = values[measure]
    return tree, out


def union_probability(cut_sets, i, cols, full, q, n):
    """P(some minimal cut set containing event i has occurred), tabulated like the top event."""
    with_i = [s for s in cut_sets if s >> i & 1]
    union = 0
    for s in with_i:
        union |= cube_table(s, s, cols, full, n)
    p = probability(union, q, n)
    if len(with_i) <= 12:
        check = inclusion_exclusion(with_i, q)
        assert abs(check - p) <= mp.mpf('1e-25') * p, (i, check, p)
    return p


def cube_table(mask, values, cols, full, n):
    """The table of one term: the events of `mask` occur (bit of `values` set) or do not."""
    c = full
    for i in range(n):
        if mask >> i & 1:
            c &= cols[i] if values >> i & 1 else full & ~cols[i]
    return c


def inclusion_exclusion(sets, q):
    """P(⋃ sets) = Σ over non-empty subfamilies (−1)^{k+1} P(all their events occur): the check."""
    total = mp.mpf(0)
    for k in range(1, len(sets) + 1):
        for family in itertools.combinations(sets, k):
            events = 0
            for s in family:
                events |= s
            p = mp.mpf(1)
            for j in range(len(q)):
                if events >> j & 1:
                    p *= q[j]
            total += p if k % 2 else -p
    return total


def fmt(value):
    """17 significant digits, as models_reference.py prints; counts as integers; null."""
    if value is None:
        return 'null'
    if isinstance(value, int):
        return str(value)
    return mp.nstr(value, 17)


def self_check():
    """Hand-checked trees: 2-out-of-3 at q = 0.1, and a·b + (not a)·c (three prime implicants)."""
    vote = {'events': {x: {'probability': 0.1} for x in 'abc'},
            'fault_tree': {'top': 't', 'gates': {'t': {'atleast': {'k': 2, 'of': list('abc')}}}}}
    _, out = analyse(vote)
    assert abs(out['topEventProbability'] - mp.mpf('0.028')) < 1e-28  # 3·0.01·0.9 + 0.001
    assert out['minimalCutSets.count'] == 3
    assert abs(out['criticality(a)'] - mp.mpf(18) / 28) < 1e-28  # (0.19 − 0.01)·0.1/0.028
    assert abs(out['fussellVesely(a)'] - mp.mpf(19) / 28) < 1e-28  # 0.1·0.19/0.028
    mux = {'events': {'a': {'probability': 0.5}, 'b': {'probability': 0.2},
                      'c': {'probability': 0.3}},
           'fault_tree': {'top': 't', 'gates': {'t': {'or': [{'and': ['a', 'b']},
                                                              {'and': [{'not': 'a'}, 'c']}]}}}}
    _, out = analyse(mux)
    assert abs(out['topEventProbability'] - mp.mpf('0.25')) < 1e-28  # 0.5·0.2 + 0.5·0.3
    assert out['primeImplicants.count'] == 3  # a·b, (not a)·c, b·c
    assert abs(out['birnbaum(a)'] - mp.mpf('-0.1')) < 1e-28  # 0.2 − 0.3
    assert out['fussellVesely(a)'] is None


def main(argv):
    self_check()
    files = argv or [str(MODELS / f) for f in FILES]
    for path in files:
        with open(path, encoding='utf8') as handle:
            model = yaml.safe_load(handle)
        tree, out = analyse(model)
        print(f'# {pathlib.Path(path).name}: {len(tree.names)} basic events '
              f'({", ".join(tree.names)})')
        for key, value in out.items():
            print(f'{key} = {fmt(value)}')
        print()


if __name__ == '__main__':
    main(sys.argv[1:])
