"""Optuna's samplers on the test functions of `./sweep bench-samplers`, in its JSON-lines form.

Run with Debian's Optuna (apt-get install python3-optuna): /usr/bin/python3 benchmarks/optuna_functions.py [--seeds 30]
Each trial is asked for, evaluated and told back (study.ask / study.tell), as Sweep's loop does.
The functions and their spaces are those of dev.sweep.bench.TestFunction; keep the two in step.
"""
import argparse
import json
import math
import time
import warnings

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore")


def branin(t):
    x1 = t.suggest_float("x1", -5, 10)
    x2 = t.suggest_float("x2", 0, 15)
    b, c, s = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - s) * math.cos(x1) + 10


ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6(t):
    x = [t.suggest_float("x%d" % (j + 1), 0, 1) for j in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def styblinski_tang10(t):
    x = [t.suggest_float("x%d" % (j + 1), -5, 5) for j in range(10)]
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2


def mixed(t):
    lr = math.log10(t.suggest_float("learning_rate", 1e-5, 1e-1, log=True)) + 2.5
    units = (t.suggest_int("units", 16, 512, step=16) - 160) / 200
    dropout = (t.suggest_float("dropout", 0, 0.6) - 0.2) / 0.3
    optimizer = {"adam": 0, "rmsprop": 0.05, "sgd": 0.1}[t.suggest_categorical("optimizer", ["adam", "sgd", "rmsprop"])]
    return 0.1 * (lr * lr + units * units + dropout * dropout) + optimizer


FUNCTIONS = {"branin": (branin, 0.397887357729739), "hartmann6": (hartmann6, -3.32236801141551),
             "styblinski_tang10": (styblinski_tang10, -39.16616570377142 * 10), "mixed": (mixed, 0.0)}

SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "tpe+multivariate": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed, warn_independent_sampling=False),
}


def run(function, minimum, sampler, trials):
    study = optuna.create_study(sampler=sampler, direction="minimize")
    regrets = []
    best = math.inf
    for _ in range(trials):
        trial = study.ask()
        value = function(trial)
        study.tell(trial, value)
        best = min(best, value)
        regrets.append(best - minimum)
    return regrets


def cpu_ms_per_suggestion(function, sampler_factory, size, repeats):
    """CPU milliseconds of one suggestion (this thread's), so that a busy machine does not inflate it."""
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1), direction="minimize")
    study.optimize(function, n_trials=size)
    study.sampler = sampler_factory(7)
    times = []
    for _ in range(repeats):
        started = time.thread_time()
        trial = study.ask()
        function(trial)  # the suggestions are made as the objective asks for each parameter
        times.append((time.thread_time() - started) * 1000)
        study.tell(trial, state=optuna.trial.TrialState.FAIL)
    return sorted(times)[len(times) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--sampler", default=",".join(SAMPLERS))
    parser.add_argument("--function", default=",".join(FUNCTIONS))
    parser.add_argument("--history", default="100,1000", help="history sizes to time one suggestion at; 0 for none")
    args = parser.parse_args()
    for name in args.function.split(","):
        function, minimum = FUNCTIONS[name]
        for label in args.sampler.split(","):
            for seed in range(1, args.seeds + 1) if args.trials > 0 else []:
                started = time.perf_counter()
                regrets = run(function, minimum, SAMPLERS[label](seed), args.trials)
                quarters = {str(args.trials // 4): regrets[args.trials // 4 - 1], str(args.trials // 2): regrets[args.trials // 2 - 1],
                            str(args.trials): regrets[-1]}
                print(json.dumps({"tool": "optuna " + optuna.__version__, "sampler": label, "function": name, "seed": seed,
                                  "regret": quarters, "seconds": time.perf_counter() - started}), flush=True)
            for size in [int(s) for s in args.history.split(",") if int(s) > 0]:
                print(json.dumps({"tool": "optuna " + optuna.__version__, "sampler": label, "function": name, "history": size,
                                  "cpu_ms_per_suggestion": cpu_ms_per_suggestion(function, SAMPLERS[label], size,
                                                                                 1 if size >= 1000 else 5)}),
                      flush=True)


if __name__ == "__main__":
    main()
