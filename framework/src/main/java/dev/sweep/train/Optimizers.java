package dev.sweep.train;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

/** Optimizer names of sweep files, mapped to DL4J updaters with Keras' defaults. */
public final class Optimizers {
    public static final List<String> NAMES = List.of("adam", "sgd", "nesterovs", "rmsprop", "adagrad");

    private Optimizers() {
    }

    public static double defaultLearningRate(String optimizer) {
        return switch (optimizer) {
            case "sgd", "nesterovs" -> 0.01;
            default -> 0.001;
        };
    }

    /** @param momentum null for the optimizer's default; only sgd and nesterovs use it */
    public static IUpdater updater(String optimizer, double learningRate, Double momentum) {
        return switch (optimizer) {
            case "adam" -> new Adam(learningRate, 0.9, 0.999, 1e-7);
            case "sgd" -> momentum == null || momentum == 0 ? new Sgd(learningRate) : new MomentumSgd(learningRate, momentum);
            case "nesterovs" -> new Nesterovs(learningRate, momentum == null ? 0.9 : momentum);
            case "rmsprop" -> new RmsProp(learningRate, 0.9, 1e-7);
            case "adagrad" -> new AdaGrad(learningRate, 1e-7);
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'; known: " + NAMES);
        };
    }
}
