package dev.sweep.train;

import dev.sweep.space.ParameterDeclaration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sweep.space.ParameterDeclaration.booleanParam;
import static dev.sweep.space.ParameterDeclaration.choiceParam;
import static dev.sweep.space.ParameterDeclaration.floatParam;
import static dev.sweep.space.ParameterDeclaration.intParam;

/** Parameters of the training loop, which every architecture accepts. */
public final class TrainerParameters {
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch_size";
    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String MOMENTUM = "momentum";
    public static final String LR_SCHEDULE = "lr_schedule";
    public static final String LR_DECAY = "lr_decay";
    public static final String LR_STEP_EPOCHS = "lr_step_epochs";
    public static final String WARMUP_EPOCHS = "warmup_epochs";
    public static final String L2 = "l2";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String NORMALIZE = "normalize";
    public static final String ROTATION = "rotation";
    public static final String TRANSLATION = "translation";
    public static final String FLIP = "flip";
    public static final String PATIENCE = "patience";
    public static final String MIN_DELTA = "min_delta";

    public static final List<ParameterDeclaration> ALL = List.of(
            intParam(EPOCHS, 1, 1, 10_000, "passes over the training images (at most, with early stopping)"),
            intParam(BATCH_SIZE, 64, 1, 65_536, "images per gradient step"),
            choiceParam(OPTIMIZER, "adam", Optimizers.NAMES, "the update rule"),
            floatParam(LEARNING_RATE, null, 1e-12, 1e9,
                    "step size; when not given, the optimizer's Keras default (adam, rmsprop, adagrad 0.001; sgd, nesterovs 0.01)"),
            floatParam(MOMENTUM, null, 0.0, 0.999,
                    "momentum of sgd (PyTorch's and Keras' heavy-ball; default 0, plain SGD) and nesterovs (default 0.9)"),
            choiceParam(LR_SCHEDULE, "none", List.of("none", "step", "exponential", "cosine"),
                    "learning rate per epoch: constant, x lr_decay every lr_step_epochs, x lr_decay every epoch, or cosine to 0"),
            floatParam(LR_DECAY, null, 1e-6, 1.0, "factor of the step and exponential schedules (default 0.1 step, 0.95 exponential)"),
            intParam(LR_STEP_EPOCHS, 10, 1, 10_000, "epochs between two decays of the step schedule"),
            intParam(WARMUP_EPOCHS, 0, 0, 1_000, "epochs of linear warm-up from near 0 to the learning rate, step by step, before the schedule"),
            floatParam(L2, 0.0, 0.0, 1e6,
                    "Keras kernel_regularizer L2: adds l2 * sum of squared weights (biases excluded) to the loss, every layer"),
            floatParam(WEIGHT_DECAY, 0.0, 0.0, 1e3,
                    "PyTorch's optimizer weight_decay: adds weight_decay * w to every weight's and bias's gradient"),
            choiceParam(NORMALIZE, "scale", InputNormalization.NAMES,
                    "inputs: pixel/255; (pixel/255 - 0.1307) / 0.3081 with MNIST's mean and standard deviation; or each "
                            + "channel standardized by the training images' own mean and standard deviation (dataset)"),
            floatParam(ROTATION, 0.0, 0.0, 180.0, "training augmentation: random rotation within +-this many degrees"),
            floatParam(TRANSLATION, 0.0, 0.0, 0.5, "training augmentation: random shift within +-this fraction of width and height"),
            booleanParam(FLIP, false, "training augmentation: mirror left-right half of the time; for photos, never for digits or text"),
            intParam(PATIENCE, 0, 0, 10_000,
                    "early stopping: stop after this many epochs without the objective improving by min_delta; 0 never stops early"),
            floatParam(MIN_DELTA, 0.0, 0.0, 1e6, "early stopping: the least change of the objective that counts as improving"));

    private TrainerParameters() {
    }

    public static Map<String, ParameterDeclaration> byName() {
        Map<String, ParameterDeclaration> map = new LinkedHashMap<>();
        ALL.forEach(p -> map.put(p.name(), p));
        return map;
    }
}
