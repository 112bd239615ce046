package dev.sweep.prune;

import dev.sweep.TinyArchitecture;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.store.ExperimentStore;
import dev.sweep.train.EpochMetrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pruner's in-memory history says exactly what the store would say, after every kind of event. */
class LiveHistoryTest {
    private static EpochMetrics epoch(int epoch, double valAccuracy) {
        return new EpochMetrics(epoch, 1, 0.5, 1.0 / epoch, valAccuracy, 1, 100);
    }

    @Test
    void theLiveHistoryEqualsTheStoresAfterStartsEpochsRetriesRestartsAndCompletions() {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:live-" + System.nanoTime())) {
            long sweepId = store.createSweep(new SweepFileLoader(TinyArchitecture.registry()).parse("""
                    name: live
                    architecture: tiny
                    strategy: {type: random, trials: 4}
                    """, Path.of("live.yaml")), 4);
            // A resumed sweep: trial 0 finished and trial 1 was interrupted before this process started.
            long t0 = start(store, sweepId, 0);
            record(store, null, t0, 0, 0, epoch(1, 0.5));
            record(store, null, t0, 0, 0, epoch(2, 0.6));
            store.completeTrial(t0, dev.sweep.store.ExperimentStoreFixtures.result(0.6), 0, 1, 0.6, null, 1);
            long t1 = start(store, sweepId, 1);
            record(store, null, t1, 1, 0, epoch(1, 0.4));

            for (String metric : new String[]{"val_accuracy", "val_loss"}) {
                LiveHistory live = new LiveHistory(store.history(sweepId, metric, metric.equals("val_accuracy")), metric);
                assertThat(live.snapshot()).isEqualTo(store.history(sweepId, metric, metric.equals("val_accuracy")));
            }
            LiveHistory live = new LiveHistory(store.history(sweepId, "val_accuracy", true), "val_accuracy");

            live.started(1); // trial 1 starts again: its first attempt's epoch is gone
            t1 = start(store, sweepId, 1);
            record(store, live, t1, 1, 0, epoch(1, 0.45));
            record(store, live, t1, 1, 0, epoch(1, 0.45)); // a retried task sends it again
            record(store, live, t1, 1, 1, epoch(1, 0.9)); // a later repeat is not judged
            live.started(2);
            long t2 = start(store, sweepId, 2);
            record(store, live, t2, 2, 0, epoch(1, Double.NaN));
            store.completeTrial(t1, dev.sweep.store.ExperimentStoreFixtures.result(0.45), 0, 1, 0.45, null, 1);
            live.completed(1);

            assertThat(live.snapshot()).isEqualTo(store.history(sweepId, "val_accuracy", true));
            assertThat(live.snapshot().trials().get(1).values()).containsExactly(0.45);
            assertThat(live.snapshot().trials().get(2).values().get(0)).isNaN();
        }
    }

    private static long start(ExperimentStore store, long sweepId, int number) {
        return store.startTrial(sweepId, number, "mlp", number, "{}", Map.of(), Map.of(), "w");
    }

    private static void record(ExperimentStore store, LiveHistory live, long trialId, int number, int repeat, EpochMetrics m) {
        store.recordEpoch(trialId, repeat, m);
        if (live != null) {
            live.epoch(number, repeat, m);
        }
    }
}
