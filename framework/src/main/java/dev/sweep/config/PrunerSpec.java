package dev.sweep.config;

/**
 * The {@code pruner:} of a sweep file.
 *
 * @param type         median, asha or hyperband
 * @param warmupEpochs median: epochs before any pruning
 * @param minTrials    median: completed trials needed before any pruning
 * @param minEpochs    asha, hyperband: the first rung
 * @param reduction    asha, hyperband: keep the top 1/reduction at each rung
 */
public record PrunerSpec(String type, int warmupEpochs, int minTrials, int minEpochs, int reduction) {
    public static final java.util.List<String> TYPES = java.util.List.of("median", "asha", "hyperband");
}
