"""The sampler benchmark's JSON lines (./sweep bench-samplers, benchmarks/optuna_functions.py) as one Markdown table.

/usr/bin/python3 benchmarks/summarise_samplers.py RESULTS.jsonl... : per function, tool and sampler, the median best
regret [first quartile, third quartile] over the seeds after a quarter, half and all of the trials, and the median
milliseconds of one suggestion after 100 and 1,000 trials.
"""
import json
import statistics
import sys
from collections import defaultdict


def quartiles(values):
    values = sorted(values)
    if len(values) < 4:
        return values[len(values) // 2], values[0], values[-1]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[1], q[0], q[2]


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
                    timings[key][r["history"]] = r["ms_per_suggestion"]
    keys = sorted(set(regrets) | set(timings), key=lambda k: (functions.index(k[0]), k[1], k[2]))
    checkpoints = sorted({at for k in regrets for at in regrets[k]})
    header = ["function", "tool", "sampler", "seeds"] + ["regret after %d" % at for at in checkpoints] + [
        "ms/suggestion at 100", "at 1000"]
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


if __name__ == "__main__":
    main(sys.argv[1:])
