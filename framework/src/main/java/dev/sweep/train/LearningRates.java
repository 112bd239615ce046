package dev.sweep.train;

import dev.sweep.arch.HyperParameters;

import static dev.sweep.train.TrainerParameters.EPOCHS;
import static dev.sweep.train.TrainerParameters.LR_DECAY;
import static dev.sweep.train.TrainerParameters.LR_SCHEDULE;
import static dev.sweep.train.TrainerParameters.LR_STEP_EPOCHS;
import static dev.sweep.train.TrainerParameters.WARMUP_EPOCHS;

/** Reads a trial's schedule parameters into a {@link LearningRateSchedule}; null when the rate is constant. */
final class LearningRates {
    private LearningRates() {
    }

    static LearningRateSchedule schedule(HyperParameters p, double learningRate, int stepsPerEpoch) {
        LearningRateSchedule.Type type = LearningRateSchedule.Type.valueOf(p.getString(LR_SCHEDULE).toUpperCase(java.util.Locale.ROOT));
        int warmupEpochs = p.getInt(WARMUP_EPOCHS);
        if (type == LearningRateSchedule.Type.NONE && warmupEpochs == 0) {
            return null;
        }
        double defaultDecay = type == LearningRateSchedule.Type.STEP ? 0.1 : 0.95;
        double decay = p.has(LR_DECAY) ? p.getDouble(LR_DECAY) : defaultDecay;
        return new LearningRateSchedule(type, learningRate, decay, p.getInt(LR_STEP_EPOCHS), warmupEpochs,
                warmupEpochs * stepsPerEpoch, p.getInt(EPOCHS));
    }
}
