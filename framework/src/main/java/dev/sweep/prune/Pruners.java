package dev.sweep.prune;

import dev.sweep.config.PrunerSpec;

/** Builds the pruner a sweep file declares. */
public final class Pruners {
    private Pruners() {
    }

    /** @param maxEpochs the most epochs any trial of the sweep trains, Hyperband's largest budget */
    public static Pruner of(PrunerSpec spec, int maxEpochs) {
        return switch (spec.type()) {
            case "median" -> new MedianPruner(spec.warmupEpochs(), spec.minTrials());
            case "asha" -> new AshaPruner(spec.minEpochs(), spec.reduction());
            case "hyperband" -> new HyperbandPruner(spec.minEpochs(), spec.reduction(), maxEpochs);
            default -> throw new IllegalArgumentException("unknown pruner '" + spec.type() + "'; known: " + PrunerSpec.TYPES);
        };
    }
}
