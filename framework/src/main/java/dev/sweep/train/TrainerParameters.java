package dev.sweep.train;

import dev.sweep.space.ParameterDeclaration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sweep.space.ParameterDeclaration.choiceParam;
import static dev.sweep.space.ParameterDeclaration.floatParam;
import static dev.sweep.space.ParameterDeclaration.intParam;

/** Parameters of the training loop, which every architecture accepts. */
public final class TrainerParameters {
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch_size";
    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String L2 = "l2";

    public static final List<ParameterDeclaration> ALL = List.of(
            intParam(EPOCHS, 1, 1, 10_000, "passes over the training images"),
            intParam(BATCH_SIZE, 64, 1, 65_536, "images per gradient step"),
            choiceParam(OPTIMIZER, "adam", Optimizers.NAMES, "the update rule"),
            floatParam(LEARNING_RATE, null, 1e-12, 1e9,
                    "step size; when not given, the optimizer's Keras default (adam, rmsprop, adagrad 0.001; sgd, nesterovs 0.01)"),
            floatParam(L2, 0.0, 0.0, 1e6,
                    "Keras kernel_regularizer L2: adds l2 * sum of squared weights (biases excluded) to the loss"));

    private TrainerParameters() {
    }

    public static Map<String, ParameterDeclaration> byName() {
        Map<String, ParameterDeclaration> map = new LinkedHashMap<>();
        ALL.forEach(p -> map.put(p.name(), p));
        return map;
    }
}
