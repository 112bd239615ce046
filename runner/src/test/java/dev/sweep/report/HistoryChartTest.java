package dev.sweep.report;

import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryChartTest {
    private static List<TrialRecord> trials(int n) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            trials.add(new TrialRecord(i + 1, 1, "s", i, "mlp", TrialState.COMPLETE, i, "{}", Map.of(), Map.of(), null, null, null,
                    null, null, 1, Map.of(TrialMetric.OBJECTIVE, 0.5 + 0.01 * i)));
        }
        return trials;
    }

    @Test
    void aLearningSweepsHistoryShowsTheModelGuidedTrialsApartFromTheRandomAndTheEnqueuedOnes() {
        XYChart chart = Charts.history(trials(5), true, "val_accuracy",
                Map.of(0, "enqueued", 1, "startup", 2, "startup", 3, "model", 4, "model"));
        assertThat(chart.getSeriesMap()).containsOnlyKeys("given first (enqueue)", "random (startup)", "suggested by the model",
                "best so far");
        assertThat(chart.getSeriesMap().get("suggested by the model").getXData()).containsExactly(3.0, 4.0);
        assertThat(chart.getSeriesMap().get("given first (enqueue)").getXData()).containsExactly(0.0);
    }

    @Test
    void aSweepWhoseSamplerDoesNotLearnHasOneSeriesOfTrials() {
        assertThat(Charts.history(trials(3), true, "val_accuracy", Map.of(0, "random", 1, "random", 2, "random")).getSeriesMap()).containsOnlyKeys("trial", "best so far");
    }
}
