"""The sampler benchmark's JSON lines (./sweep bench-samplers, benchmarks/optuna_functions.py) as Markdown tables.

/usr/bin/python3 benchmarks/summarise_samplers.py RESULTS.jsonl... : per function, tool and sampler, the median best
regret [first quartile, third quartile] over the seeds after a quarter, half and all of the trials, and the median
CPU milliseconds of one suggestion after 100 and 1,000 trials. Then, after all the trials, each Sweep sampler against
Optuna's of the same name and bayes against each of Optuna's: how often Sweep's regret is the larger of a pair of
seeds, and the two-sided p-value of a Mann-Whitney U test (normal approximation) that neither tends to be larger.
"""
import json
import math
import statistics
import sys
from collections import defaultdict


def quartiles(values):
    values = sorted(values)
    if len(values) < 4:
        return values[len(values) // 2], values[0], values[-1]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[1], q[0], q[2]


def mann_whitney(a, b):
    """P(a value of a is larger than one of b), ties counting half, and the two-sided p-value."""
    pooled = sorted([(v, 0) for v in a] + [(v, 1) for v in b])
    ranks = [0.0] * len(pooled)
    i = 0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    n1, n2 = len(a), len(b)
    u = sum(r for r, (_, group) in zip(ranks, pooled) if group == 0) - n1 * (n1 + 1) / 2
    z = (u - n1 * n2 / 2) / math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12)
    return u / (n1 * n2), math.erfc(abs(z) / math.sqrt(2))


def number(x):
    return "%.3g" % x if x >= 1e-3 or x == 0 else "%.1e" % x


def main(paths):
    regrets = defaultdict(lambda: defaultdict(list))
    timings = defaultdict(dict)
    seeds = defaultdict(set)
    functions = []
    for path in paths:
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                key = (r["function"], r["tool"], r["sampler"])
                if r["function"] not in functions:
                    functions.append(r["function"])
                if "regret" in r:
                    seeds[key].add(r["seed"])
                    for at, value in r["regret"].items():
                        regrets[key][int(at)].append(value)
                else:
                    timings[key][r["history"]] = r["cpu_ms_per_suggestion"]
    keys = sorted(set(regrets) | set(timings), key=lambda k: (functions.index(k[0]), k[1], k[2]))
    checkpoints = sorted({at for k in regrets for at in regrets[k]})
    header = ["function", "tool", "sampler", "seeds"] + ["regret after %d" % at for at in checkpoints] + [
        "CPU ms/suggestion at 100", "at 1000"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for k in keys:
        cells = [k[0], k[1], k[2], str(len(seeds[k]))]
        for at in checkpoints:
            values = regrets[k].get(at)
            cells.append("%s [%s, %s]" % tuple(number(v) for v in quartiles(values)) if values else "")
        for size in (100, 1000):
            cells.append(number(timings[k][size]) if size in timings[k] else "")
        print("| " + " | ".join(cells) + " |")
    last = checkpoints[-1] if checkpoints else None
    pairs = []
    for (function, tool, sampler) in keys:
        if tool != "sweep" or last is None or last not in regrets[(function, tool, sampler)]:
            continue
        for (f2, other, theirs) in keys:
            if f2 == function and other != "sweep" and (theirs == sampler or sampler == "bayes" and theirs != "random") \
                    and last in regrets[(f2, other, theirs)]:
                pairs.append((function, sampler, other + " " + theirs,
                              mann_whitney(regrets[(function, tool, sampler)][last], regrets[(f2, other, theirs)][last])))
    if pairs:
        print()
        print("| function | sweep | against | Sweep's regret after %d the larger | p (Mann-Whitney) |" % last)
        print("|---|---|---|---|---|")
        for function, sampler, against, (share, p) in pairs:
            print("| %s | %s | %s | %.2f | %.2g |" % (function, sampler, against, share, p))


if __name__ == "__main__":
    main(sys.argv[1:])
