"""Log densities of Optuna's TPE Parzen estimator, for ParzenEstimatorMatchesOptunaTest.

Run with Debian's Optuna 3.1 (apt-get install python3-optuna): /usr/bin/python3 parzen_reference.py
Each line: case name, then the log densities at the case's points, which the Java test holds as constants.

Optuna before 3.5 left the kernel's width out of a continuous kernel's log density (its _truncnorm.logpdf lacks
-log(scale); 3.5 changed it, "Fix logpdf for scaled truncnorm"). Sweep keeps the 3.1 form, which searched better on the
test functions (docs/samplers.md), so these are 3.1's own numbers; under Optuna 3.5 or later the width is taken out again.
"""
import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights
from optuna.samplers._tpe import _truncnorm

if tuple(int(p) for p in optuna.__version__.split(".")[:2]) >= (3, 5):
    _scaled_logpdf = _truncnorm.logpdf
    _truncnorm.logpdf = lambda x, a, b, loc=0, scale=1: _scaled_logpdf(x, a, b, loc, scale) + np.log(scale)

CASES = [
    ("continuous", {"x": FloatDistribution(0.0, 10.0)}, {"x": [2.0, 2.5, 7.0]}, {"x": [0.5, 2.2, 5.0, 9.9]}, False),
    ("log", {"x": FloatDistribution(1e-4, 1e-1, log=True)}, {"x": [1e-3, 3e-3, 5e-2]}, {"x": [2e-4, 2e-3, 1e-2, 9e-2]}, False),
    ("stepped int", {"x": IntDistribution(32, 256, step=32)}, {"x": [64, 64, 224]}, {"x": [32, 64, 96, 256]}, False),
    ("stepped float", {"x": FloatDistribution(0.0, 0.3, step=0.05)}, {"x": [0.1, 0.15]}, {"x": [0.0, 0.1, 0.2, 0.3]}, False),
    ("choice", {"x": CategoricalDistribution(["a", "b", "c"])}, {"x": [0, 0, 2]}, {"x": [0, 1, 2]}, False),
    ("no observations", {"x": FloatDistribution(0.0, 1.0)}, {"x": []}, {"x": [0.1, 0.5]}, False),
    ("thirty observations", {"x": FloatDistribution(0.0, 1.0)}, {"x": [((i * 7) % 30) / 30 + 0.01 for i in range(30)]},
     {"x": [0.05, 0.33, 0.8]}, False),
    ("together", {"x": FloatDistribution(0.0, 1.0), "y": FloatDistribution(1e-3, 1.0, log=True),
                  "c": CategoricalDistribution(["a", "b", "c"]), "k": IntDistribution(1, 5)},
     {"x": [0.1, 0.4, 0.45, 0.9, 0.2], "y": [0.01, 0.02, 0.5, 0.003, 0.1], "c": [0, 1, 1, 2, 0], "k": [1, 2, 5, 3, 3]},
     {"x": [0.3, 0.95, 0.0], "y": [0.05, 0.002, 1.0], "c": [1, 2, 0], "k": [2, 5, 1]}, True),
]

for name, space, observations, points, multivariate in CASES:
    parameters = _ParzenEstimatorParameters(consider_prior=True, prior_weight=1.0, consider_magic_clip=True,
                                            consider_endpoints=False, weights=default_weights, multivariate=multivariate)
    def arrays(values):
        return {k: np.asarray(v, dtype=int if isinstance(space[k], CategoricalDistribution) else float) for k, v in values.items()}
    estimator = _ParzenEstimator(arrays(observations), space, parameters)
    log_pdf = estimator.log_pdf(arrays(points))
    print(name + ": " + ", ".join(repr(float(v)) for v in log_pdf))
print("optuna " + optuna.__version__)
