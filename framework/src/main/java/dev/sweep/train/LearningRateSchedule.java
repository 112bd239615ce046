package dev.sweep.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The learning rate per step: a linear warm-up over the first {@code warmupSteps} steps, then by epoch (counted from
 * the end of the warm-up) constant, step decay ({@code × decay} every {@code stepEpochs}, PyTorch's StepLR),
 * exponential ({@code × decay} each epoch, ExponentialLR) or cosine annealing to 0 over the remaining epochs
 * (CosineAnnealingLR). Stored in the model's JSON, so a reloaded model knows its schedule.
 */
public final class LearningRateSchedule implements ISchedule {
    public enum Type { NONE, STEP, EXPONENTIAL, COSINE }

    private final Type type;
    private final double initial;
    private final double decay;
    private final int stepEpochs;
    private final int warmupEpochs;
    private final int warmupSteps;
    private final int totalEpochs;

    public LearningRateSchedule(@JsonProperty("type") Type type, @JsonProperty("initial") double initial,
                                @JsonProperty("decay") double decay, @JsonProperty("stepEpochs") int stepEpochs,
                                @JsonProperty("warmupEpochs") int warmupEpochs, @JsonProperty("warmupSteps") int warmupSteps,
                                @JsonProperty("totalEpochs") int totalEpochs) {
        this.type = type;
        this.initial = initial;
        this.decay = decay;
        this.stepEpochs = stepEpochs;
        this.warmupEpochs = warmupEpochs;
        this.warmupSteps = warmupSteps;
        this.totalEpochs = totalEpochs;
    }

    /** @param epoch counted from 0, as DL4J does */
    @Override
    public double valueAt(int iteration, int epoch) {
        if (iteration < warmupSteps) {
            return initial * (iteration + 1) / warmupSteps;
        }
        int e = Math.max(0, epoch - warmupEpochs);
        return switch (type) {
            case NONE -> initial;
            case STEP -> initial * Math.pow(decay, e / stepEpochs);
            case EXPONENTIAL -> initial * Math.pow(decay, e);
            case COSINE -> {
                int span = Math.max(1, totalEpochs - warmupEpochs);
                yield initial * 0.5 * (1 + Math.cos(Math.PI * Math.min(e, span) / span));
            }
        };
    }

    @Override
    public ISchedule clone() {
        return new LearningRateSchedule(type, initial, decay, stepEpochs, warmupEpochs, warmupSteps, totalEpochs);
    }

    public Type getType() {
        return type;
    }

    public double getInitial() {
        return initial;
    }

    public double getDecay() {
        return decay;
    }

    public int getStepEpochs() {
        return stepEpochs;
    }

    public int getWarmupEpochs() {
        return warmupEpochs;
    }

    public int getWarmupSteps() {
        return warmupSteps;
    }

    public int getTotalEpochs() {
        return totalEpochs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningRateSchedule s && s.type == type && s.initial == initial && s.decay == decay
                && s.stepEpochs == stepEpochs && s.warmupEpochs == warmupEpochs && s.warmupSteps == warmupSteps
                && s.totalEpochs == totalEpochs;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, initial, decay, stepEpochs, warmupEpochs, warmupSteps, totalEpochs);
    }
}
