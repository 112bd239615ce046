package dev.sweep.store;

import dev.sweep.arch.Network;
import dev.sweep.run.TrialResult;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.EpochMetrics;

import java.util.List;

/** Made-up epochs and results to store: the store never looks inside them. */
public final class ExperimentStoreFixtures {
    private ExperimentStoreFixtures() {
    }

    public static EpochMetrics epoch(int epoch, double valAccuracy) {
        return new EpochMetrics(epoch, 1.0 / epoch, valAccuracy - 0.01, 0.5 / epoch, valAccuracy, 1.5, 1000);
    }

    public static TrialResult result(double valAccuracy) {
        return result(valAccuracy, new byte[]{1, 2, 3});
    }

    public static TrialResult result(double valAccuracy, byte[] model) {
        int[][] confusion = {{5, 1}, {0, 4}};
        ClassificationMetrics validation = new ClassificationMetrics(10, valAccuracy, 0.3, 0.85, 0.95, confusion);
        ClassificationMetrics test = new ClassificationMetrics(10, valAccuracy - 0.02, 0.35, 0.8, 0.9, confusion);
        return new TrialResult(List.of(epoch(1, valAccuracy - 0.1), epoch(2, valAccuracy)), validation, test, 1234, 3.0, 0.5,
                Network.Format.MULTI_LAYER, model, 2, new double[]{0.2, 0.01});
    }
}
