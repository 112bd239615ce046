package dev.sweep.config;

import java.io.Serializable;
import java.util.List;

/** The validation metric a sweep optimizes. The test set never takes part in choosing. */
public record Objective(String metric, Goal goal) implements Serializable {
    public static final List<String> METRICS = List.of("val_accuracy", "val_loss");

    public enum Goal {
        MAXIMIZE, MINIMIZE;

        public String yamlName() {
            return name().toLowerCase();
        }
    }

    public static Objective defaultFor(String metric) {
        return new Objective(metric, metric.endsWith("loss") ? Goal.MINIMIZE : Goal.MAXIMIZE);
    }

    /** The objective's value among a result's validation accuracy and loss. */
    public double of(double accuracy, double loss) {
        return "val_loss".equals(metric) ? loss : accuracy;
    }

    public boolean isBetter(double candidate, double incumbent) {
        return goal == Goal.MAXIMIZE ? candidate > incumbent : candidate < incumbent;
    }
}
