package dev.sweep.report;

import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    void aLearningSweepsHistoryShowsTheModelGuidedTrialsApartFromTheRandomOnes() {
        XYChart chart = Charts.history(trials(5), true, "val_accuracy", Set.of(3, 4));
        assertThat(chart.getSeriesMap()).containsOnlyKeys("random (startup)", "suggested by the model", "best so far");
        assertThat(chart.getSeriesMap().get("suggested by the model").getXData()).containsExactly(3.0, 4.0);
    }

    @Test
    void aSweepWhoseSamplerDoesNotLearnHasOneSeriesOfTrials() {
        assertThat(Charts.history(trials(3), true, "val_accuracy", Set.of()).getSeriesMap()).containsOnlyKeys("trial", "best so far");
    }
}
