package dev.sweep.store;

import dev.sweep.run.TrialResult;
import dev.sweep.train.EpochMetrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The metric catalogue: every figure stored with a trial, said once. The store reads and writes its column, the
 * trial record holds it, {@code --where}, {@code --order-by}, {@code show} and {@code compare} know it by name, the
 * leaderboard's csv and json and an export's provenance list the ones marked so, and the {@code leaderboard} SQL
 * view has a column of that name (a test checks). A new metric is one entry here plus the migration that adds its
 * column (and the view's).
 */
public enum TrialMetric {
    OBJECTIVE("objective", "objective_value", Type.DOUBLE, "the sweep's objective; the mean over repeats",
            c -> c.objectiveMean(), Shown.LEADERBOARD),
    OBJECTIVE_STD("objective_std", "objective_std", Type.DOUBLE, "standard deviation of the objective over repeats",
            c -> c.objectiveStd(), Shown.LEADERBOARD),
    REPEATS("repeats", "repeats", Type.INT, "executions with different seeds", c -> c.repeats(), Shown.LEADERBOARD),
    VAL_ACCURACY("val_accuracy", "val_accuracy", Type.DOUBLE, "validation accuracy of the stored model",
            c -> c.best().validation().accuracy(), Shown.LEADERBOARD, Shown.PROVENANCE),
    VAL_LOSS("val_loss", "val_loss", Type.DOUBLE, "validation cross-entropy of the stored model",
            c -> c.best().validation().loss(), Shown.LEADERBOARD, Shown.PROVENANCE),
    VAL_MACRO_F1("val_macro_f1", "val_macro_f1", Type.DOUBLE, "validation macro F1",
            c -> c.best().validation().macroF1(), Shown.PROVENANCE),
    VAL_AUC_ROC("val_auc_roc", "val_auc_roc", Type.DOUBLE, "validation one-vs-rest macro AUC-ROC",
            c -> c.best().validation().aucRoc(), Shown.PROVENANCE),
    TEST_ACCURACY("test_accuracy", "test_accuracy", Type.DOUBLE, "test accuracy (reported, never used to choose)",
            c -> c.best().test().accuracy(), Shown.LEADERBOARD, Shown.PROVENANCE),
    TEST_LOSS("test_loss", "test_loss", Type.DOUBLE, "test cross-entropy", c -> c.best().test().loss(), Shown.PROVENANCE),
    TEST_MACRO_F1("test_macro_f1", "test_macro_f1", Type.DOUBLE, "test macro F1",
            c -> c.best().test().macroF1(), Shown.LEADERBOARD, Shown.PROVENANCE),
    TEST_AUC_ROC("test_auc_roc", "test_auc_roc", Type.DOUBLE, "test one-vs-rest macro AUC-ROC",
            c -> c.best().test().aucRoc(), Shown.LEADERBOARD, Shown.PROVENANCE),
    EPOCHS_DONE("epochs_done", "epochs_done", Type.INT, "epochs trained (of the best repeat)",
            c -> c.best().epochs().size(), Shown.LEADERBOARD),
    BEST_EPOCH("best_epoch", "best_epoch", Type.INT, "the epoch whose weights the stored model holds",
            c -> c.best().bestEpoch()),
    BEST_VAL_ACCURACY_EPOCH("best_val_accuracy_epoch", "best_val_accuracy_epoch", Type.INT,
            "the epoch of the highest validation accuracy (of the best repeat; the first, on a tie)",
            c -> c.best().epochs().stream().max(java.util.Comparator.comparingDouble(EpochMetrics::valAccuracy)
                    .thenComparing(EpochMetrics::epoch, java.util.Comparator.reverseOrder())).map(EpochMetrics::epoch).orElse(null)),
    TRAIN_SECONDS("train_seconds", "train_seconds", Type.DOUBLE, "seconds spent in training steps",
            c -> c.best().trainSeconds(), Shown.LEADERBOARD, Shown.PROVENANCE),
    EVAL_SECONDS("eval_seconds", "eval_seconds", Type.DOUBLE, "seconds spent measuring (validation, test)",
            c -> c.best().evalSeconds()),
    WALL_SECONDS("wall_seconds", "wall_seconds", Type.DOUBLE, "the trial's wall time, repeats included",
            c -> c.wallSeconds()),
    PARAMS("params", "param_count", Type.LONG, "trainable parameters", c -> c.best().parameterCount(),
            Shown.LEADERBOARD, Shown.PROVENANCE),
    TRAIN_IMAGES_PER_S("train_images_per_s", "train_images_per_s", Type.DOUBLE, "training images per second",
            c -> c.best().trainImagesPerSecond()),
    MODEL_BYTES("model_bytes", "model_bytes", Type.LONG, "size of the stored model zip", c -> (long) c.best().model().length),
    LATENCY_MS_BATCH1("latency_ms_batch1", "latency_ms_batch1", Type.DOUBLE, "inference milliseconds per image at batch 1",
            c -> c.best().latencyMs() == null ? null : c.best().latencyMs()[0]),
    LATENCY_MS_BATCH256("latency_ms_batch256", "latency_ms_batch256", Type.DOUBLE,
            "inference milliseconds per image at batch 256", c -> c.best().latencyMs() == null ? null : c.best().latencyMs()[1]);

    /** How a metric is stored and read. */
    public enum Type { INT, LONG, DOUBLE }

    /** Where a metric is listed besides the places that list them all. */
    public enum Shown { LEADERBOARD, PROVENANCE }

    /** A trial's completion: its best repeat's result and what is measured across repeats. */
    public record Completion(TrialResult best, int bestRepeat, int repeats, double objectiveMean, Double objectiveStd,
                             double wallSeconds) {
    }

    private final String label;
    private final String column;
    private final Type type;
    private final String description;
    private final Function<Completion, Object> atCompletion;
    private final Set<Shown> shown;

    TrialMetric(String label, String column, Type type, String description, Function<Completion, Object> atCompletion,
                Shown... shown) {
        this.label = label;
        this.column = column;
        this.type = type;
        this.description = description;
        this.atCompletion = atCompletion;
        this.shown = shown.length == 0 ? EnumSet.noneOf(Shown.class) : EnumSet.copyOf(Arrays.asList(shown));
    }

    /** The name users write and read: in {@code --where}, the leaderboard, the SQL view and provenance. */
    public String label() {
        return label;
    }

    /** The column of the {@code trial} table. */
    public String column() {
        return column;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    public boolean isShown(Shown where) {
        return shown.contains(where);
    }

    /** The value stored when a trial completes; a figure that is not finite is stored as NULL. */
    public Number valueAt(Completion completion) {
        Object v = atCompletion.apply(completion);
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return (Number) v;
    }

    public static List<TrialMetric> shownIn(Shown where) {
        return Arrays.stream(values()).filter(m -> m.isShown(where)).toList();
    }
}
