package dev.sweep.store;

import dev.sweep.query.TrialColumns;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue is the one list of metrics: the SQL view, the columns users name and the stored record follow it. */
class MetricCatalogueTest {
    @Test
    void theLeaderboardViewHasAColumnForEveryMetricOfTheCatalogue() {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:catalogue-" + System.nanoTime())) {
            QueryStore.QueryResult view = store.readOnlyQuery("SELECT * FROM leaderboard", 1, 10);
            assertThat(view.columns()).containsAll(Arrays.stream(TrialMetric.values()).map(TrialMetric::label).toList());
        }
    }

    @Test
    void everyMetricIsANameForWhereOrderByShowAndCompare() {
        assertThat(TrialColumns.METRICS).containsAll(Arrays.stream(TrialMetric.values()).map(TrialMetric::label).toList());
        assertThat(TrialColumns.METRICS).doesNotHaveDuplicates();
    }

    @Test
    void aCompletedTrialHoldsEveryMetricItsCompletionMeasures() {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:catalogue-" + System.nanoTime())) {
            long sweepId = store.createSweep(ExperimentStoreContract.sweep("catalogue"), 1);
            long trialId = store.startTrial(sweepId, 0, "mlp", 1, "{}", java.util.Map.of(), java.util.Map.of(), "w");
            var result = ExperimentStoreFixtures.result(0.9);
            store.completeTrial(trialId, result, 0, 1, 0.9, 0.01, 2.0);
            TrialRecord trial = store.trial(trialId).orElseThrow();
            var completion = new TrialMetric.Completion(result, 0, 1, 0.9, 0.01, 2.0);
            for (TrialMetric m : TrialMetric.values()) {
                Number expected = m.valueAt(completion);
                assertThat(trial.metric(m) == null ? null : trial.metric(m).doubleValue()).as(m.label())
                        .isEqualTo(expected == null ? null : expected.doubleValue());
            }
        }
    }
}
