package dev.sweep.sample;

import dev.sweep.space.CandidateSequence;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.SearchStrategy;

import java.util.List;
import java.util.Map;

/** The samplers Sweep ships, as discovered extensions. */
public final class BuiltInSamplers {
    /** Beyond this a grid is refused: walking it would take longer than any sweep runs. */
    public static final int MAX_GRID_POINTS = 100_000;

    private BuiltInSamplers() {
    }

    /** Arbiter's RandomSearchGenerator. */
    public static final class Random implements SamplerType {
        @Override
        public String name() {
            return "random";
        }

        @Override
        public String description() {
            return "random search (Arbiter): every parameter drawn uniformly (log-uniformly on a log scale), independent of the history";
        }

        @Override
        public List<ParameterDeclaration> settings() {
            return List.of();
        }

        @Override
        public Sampler create(SamplingSpace space, int trials, Map<String, Object> settings, long seed) {
            return new RandomSampler(space, trials, seed);
        }
    }

    /** Arbiter's GridSearchCandidateGenerator, walked branch by branch where parameters are conditional. */
    public static final class Grid implements SamplerType {
        @Override
        public String name() {
            return "grid";
        }

        @Override
        public String description() {
            return "grid search (Arbiter): every combination, with points values per float or int range (ends included; geometric on a log scale)";
        }

        @Override
        public boolean plansItsOwnTrials() {
            return true;
        }

        @Override
        public List<ParameterDeclaration> settings() {
            return List.of(ParameterDeclaration.intParam("points", 3, 1, 1000, "values per float or int range"));
        }

        @Override
        public Sampler create(SamplingSpace space, int trials, Map<String, Object> settings, long seed) {
            return new GridSampler(space, points(settings));
        }

        @Override
        public String describe(int trials, Map<String, Object> settings) {
            return "grid search, " + points(settings) + " points per range";
        }

        @Override
        public List<Problem> problemsWith(SamplingSpace space, int trials, Map<String, Object> settings) {
            CandidateSequence grid = new CandidateSequence(space.specs(), space.conditions(), SearchStrategy.grid(points(settings)), 0);
            int size;
            try {
                size = grid.gridLargerThan(MAX_GRID_POINTS) ? Integer.MAX_VALUE : grid.plannedCount();
            } catch (IllegalStateException e) {
                size = Integer.MAX_VALUE;
            }
            if (size <= MAX_GRID_POINTS) {
                return List.of();
            }
            return List.of(new Problem("the grid has " + (size == Integer.MAX_VALUE ? "more than " + MAX_GRID_POINTS + " points"
                    : size + " points, more than " + MAX_GRID_POINTS), "lower points, use fewer values, or use type: random"));
        }

        private static int points(Map<String, Object> settings) {
            return ((Number) settings.get("points")).intValue();
        }
    }

    /** Optuna's TPESampler, univariate: see {@link TpeSampler}. */
    public static final class Tpe implements SamplerType {
        @Override
        public java.util.OptionalInt startupTrials(Map<String, Object> settings) {
            return java.util.OptionalInt.of(((Number) settings.get("startup_trials")).intValue());
        }

        @Override
        public String name() {
            return "tpe";
        }

        @Override
        public String description() {
            return "Tree-structured Parzen Estimator (Bergstra et al. 2011, as Optuna's TPESampler): random startup trials, "
                    + "then the draw most likely among the best trials and least among the rest";
        }

        @Override
        public List<ParameterDeclaration> settings() {
            return List.of(ParameterDeclaration.intParam("startup_trials", 10, 0, 1_000_000,
                            "random trials before the model is used (Optuna's n_startup_trials)"),
                    ParameterDeclaration.intParam("ei_candidates", 24, 1, 10_000,
                            "draws from the good trials' density scored per suggestion (Optuna's n_ei_candidates)"),
                    ParameterDeclaration.booleanParam("multivariate", false,
                            "draw the unconditional parameters together from one joint density (Optuna's multivariate)"));
        }

        @Override
        public Sampler create(SamplingSpace space, int trials, Map<String, Object> settings, long seed) {
            return new TpeSampler(space, trials, ((Number) settings.get("startup_trials")).intValue(),
                    ((Number) settings.get("ei_candidates")).intValue(), Boolean.TRUE.equals(settings.get("multivariate")), seed);
        }
    }

    /** Gaussian-process Bayesian optimization: see {@link GaussianProcessSampler}. */
    public static final class Bayes implements SamplerType {
        @Override
        public java.util.OptionalInt startupTrials(Map<String, Object> settings) {
            return java.util.OptionalInt.of(((Number) settings.get("startup_trials")).intValue());
        }

        @Override
        public String name() {
            return "bayes";
        }

        @Override
        public String description() {
            return "Bayesian optimization (Snoek et al. 2012, as Keras Tuner's BayesianOptimization): random startup trials, then a "
                    + "Gaussian process (Matern 5/2) of the objective and the draw of largest expected improvement";
        }

        @Override
        public List<ParameterDeclaration> settings() {
            return List.of(ParameterDeclaration.intParam("startup_trials", 10, 1, 1_000_000,
                            "random trials before the Gaussian process is fitted"),
                    ParameterDeclaration.intParam("candidates", 1000, 1, 1_000_000,
                            "points scored by expected improvement per suggestion: half around the best trials, half uniform"),
                    ParameterDeclaration.floatParam("xi", 0.01, 0.0, 10.0,
                            "exploration margin: improvement is counted over the best value plus xi standard deviations of the objective"));
        }

        @Override
        public Sampler create(SamplingSpace space, int trials, Map<String, Object> settings, long seed) {
            return new GaussianProcessSampler(space, trials, ((Number) settings.get("startup_trials")).intValue(),
                    ((Number) settings.get("candidates")).intValue(), ((Number) settings.get("xi")).doubleValue(), seed);
        }
    }

    /** Regularized evolution: see {@link RegularizedEvolution}. */
    public static final class Evolution implements SamplerType {
        @Override
        public java.util.OptionalInt startupTrials(Map<String, Object> settings) {
            return java.util.OptionalInt.of(((Number) settings.get("population")).intValue());
        }

        @Override
        public String name() {
            return "evolution";
        }

        @Override
        public String description() {
            return "regularized evolution (Real et al. 2019): the best of a few recent trials, one parameter mutated; "
                    + "the oldest trials leave the population";
        }

        @Override
        public List<ParameterDeclaration> settings() {
            return List.of(ParameterDeclaration.intParam("population", 10, 2, 100_000,
                            "the most recent finished trials that may be parents; also the random trials it starts with"),
                    ParameterDeclaration.intParam("sample_size", 3, 1, 100_000,
                            "members drawn per suggestion, the best of which is mutated (tournament size)"));
        }

        @Override
        public Sampler create(SamplingSpace space, int trials, Map<String, Object> settings, long seed) {
            return new RegularizedEvolution(space, trials, population(settings), sampleSize(settings), seed);
        }

        @Override
        public List<Problem> problemsWith(SamplingSpace space, int trials, Map<String, Object> settings) {
            if (sampleSize(settings) > population(settings)) {
                return List.of(new Problem("sample_size " + sampleSize(settings) + " is larger than population " + population(settings),
                        "set sample_size to at most population; a third of it is usual"));
            }
            return List.of();
        }

        private static int population(Map<String, Object> settings) {
            return ((Number) settings.get("population")).intValue();
        }

        private static int sampleSize(Map<String, Object> settings) {
            return ((Number) settings.get("sample_size")).intValue();
        }
    }
}
