package dev.sweep.prune;

import dev.sweep.space.ParameterDeclaration;

import java.util.List;
import java.util.Map;

/** The pruners Sweep ships, as discovered extensions. */
public final class BuiltInPruners {
    private BuiltInPruners() {
    }

    private static int integer(Map<String, Object> settings, String name) {
        return ((Number) settings.get(name)).intValue();
    }

    private static ParameterDeclaration minEpochs() {
        return ParameterDeclaration.intParam("min_epochs", 1, 1, 10_000, "the first rung: epochs before the first decision");
    }

    private static ParameterDeclaration reduction() {
        return ParameterDeclaration.intParam("reduction", 3, 2, 100, "keep the best 1/reduction of the trials at each rung");
    }

    /** Optuna's MedianPruner. */
    public static final class Median implements PrunerType {
        @Override
        public String name() {
            return "median";
        }

        @Override
        public String description() {
            return "stop a trial whose best objective so far is worse than the median of the other trials at the same epoch";
        }

        @Override
        public List<ParameterDeclaration> settings() {
            return List.of(ParameterDeclaration.intParam("warmup_epochs", 1, 0, 10_000, "epochs before any pruning"),
                    ParameterDeclaration.intParam("min_trials", 5, 1, 10_000, "completed trials needed before any pruning"));
        }

        @Override
        public Pruner create(Map<String, Object> settings, int maxEpochs) {
            return new MedianPruner(integer(settings, "warmup_epochs"), integer(settings, "min_trials"));
        }
    }

    /** The successive-halving family: a first rung and a reduction factor. */
    private abstract static class Halving implements PrunerType {
        @Override
        public List<ParameterDeclaration> settings() {
            return List.of(minEpochs(), reduction());
        }
    }

    /** Asynchronous successive halving. */
    public static final class Asha extends Halving {
        @Override
        public String name() {
            return "asha";
        }

        @Override
        public String description() {
            return "asynchronous successive halving: at each rung keep the best 1/reduction of the trials that reached it";
        }

        @Override
        public Pruner create(Map<String, Object> settings, int maxEpochs) {
            return new AshaPruner(integer(settings, "min_epochs"), integer(settings, "reduction"));
        }
    }

    /** Hyperband's brackets of successive halving. */
    public static final class Hyperband extends Halving {
        @Override
        public String name() {
            return "hyperband";
        }

        @Override
        public String description() {
            return "Hyperband: brackets of successive halving with different first rungs, up to the sweep's most epochs";
        }

        @Override
        public Pruner create(Map<String, Object> settings, int maxEpochs) {
            return new HyperbandPruner(integer(settings, "min_epochs"), integer(settings, "reduction"), maxEpochs);
        }
    }
}
