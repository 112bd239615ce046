package dev.sweep.train;

import dev.sweep.arch.HyperParameters;
import dev.sweep.config.Objective;
import dev.sweep.data.DataSplit;

import static dev.sweep.train.TrainerParameters.BATCH_SIZE;
import static dev.sweep.train.TrainerParameters.EPOCHS;
import static dev.sweep.train.TrainerParameters.FLIP;
import static dev.sweep.train.TrainerParameters.MIN_DELTA;
import static dev.sweep.train.TrainerParameters.NORMALIZE;
import static dev.sweep.train.TrainerParameters.PATIENCE;
import static dev.sweep.train.TrainerParameters.ROTATION;
import static dev.sweep.train.TrainerParameters.TRANSLATION;

/** How the training loop runs a trial, read from its resolved parameters and the sweep's objective. */
public record TrainingSettings(int epochs, int batchSize, InputNormalization normalization, double rotation,
                               double translation, boolean flip, int patience, double minDelta, Objective objective) {

    /** @param data the split trained on, whose training images {@code normalize: dataset} standardizes by */
    public static TrainingSettings of(HyperParameters p, Objective objective, DataSplit data) {
        return new TrainingSettings(p.getInt(EPOCHS), p.getInt(BATCH_SIZE), InputNormalization.named(p.getString(NORMALIZE),
                data.trainStatistics().mean(), data.trainStatistics().std()),
                p.getDouble(ROTATION), p.getDouble(TRANSLATION), p.getBoolean(FLIP), p.getInt(PATIENCE), p.getDouble(MIN_DELTA), objective);
    }

    double objectiveOf(ClassificationMetrics validation) {
        return objective.of(validation.accuracy(), validation.loss());
    }

    boolean earlyStopping() {
        return patience > 0;
    }
}
