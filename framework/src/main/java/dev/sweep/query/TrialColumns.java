package dev.sweep.query;

import dev.sweep.store.TrialRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trial as named columns, for {@code --where}, {@code --order-by}, {@code show} and {@code compare}. */
public final class TrialColumns {
    public static final List<String> METRICS = List.of("trial", "sweep", "architecture", "number", "state", "objective",
            "objective_std", "repeats", "val_accuracy", "val_loss", "val_macro_f1", "val_auc_roc", "test_accuracy", "test_loss",
            "test_macro_f1", "test_auc_roc", "epochs_done", "best_epoch", "train_seconds", "eval_seconds", "wall_seconds",
            "params", "attempt", "train_images_per_s", "model_bytes", "latency_ms_batch1", "latency_ms_batch256");

    private TrialColumns() {
    }

    /** Metrics first, then every resolved parameter, numbers as numbers. */
    public static Map<String, Object> of(TrialRecord t, String architecture) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("trial", t.id());
        c.put("sweep", t.sweepName());
        c.put("architecture", architecture);
        c.put("number", t.number());
        c.put("state", t.state().name());
        c.put("objective", t.objectiveValue());
        c.put("objective_std", t.objectiveStd());
        c.put("repeats", t.repeats());
        c.put("val_accuracy", t.valAccuracy());
        c.put("val_loss", t.valLoss());
        c.put("val_macro_f1", t.valMacroF1());
        c.put("val_auc_roc", t.valAucRoc());
        c.put("test_accuracy", t.testAccuracy());
        c.put("test_loss", t.testLoss());
        c.put("test_macro_f1", t.testMacroF1());
        c.put("test_auc_roc", t.testAucRoc());
        c.put("epochs_done", t.epochsDone());
        c.put("best_epoch", t.bestEpoch());
        c.put("train_seconds", t.trainSeconds());
        c.put("eval_seconds", t.evalSeconds());
        c.put("wall_seconds", t.wallSeconds());
        c.put("params", t.paramCount());
        c.put("attempt", t.attempt());
        c.put("train_images_per_s", t.trainImagesPerSecond());
        c.put("model_bytes", t.modelBytes());
        c.put("latency_ms_batch1", t.latencyMsBatch1());
        c.put("latency_ms_batch256", t.latencyMsBatch256());
        t.parameters().forEach((name, text) -> c.putIfAbsent(name, typed(text)));
        return c;
    }

    private static Object typed(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
