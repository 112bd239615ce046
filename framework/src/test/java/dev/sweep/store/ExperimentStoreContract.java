package dev.sweep.store;

import dev.sweep.TinyArchitecture;
import dev.sweep.arch.Network;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.prune.History;
import dev.sweep.run.TrialResult;
import dev.sweep.train.EpochMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sweep.store.ExperimentStoreFixtures.epoch;
import static dev.sweep.store.ExperimentStoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ExperimentStore} backend must do, whatever it stores in: a backend passes by extending this
 * class with {@link #location()}. Sweep's loop, resume and every command rely on exactly these behaviours.
 */
abstract class ExperimentStoreContract {
    private static final SweepFileLoader LOADER = new SweepFileLoader(TinyArchitecture.registry());
    protected ExperimentStore store;

    /** A location for a new, empty database of the backend under test. */
    protected abstract String location();

    @BeforeEach
    void openEmpty() {
        store = ExperimentStore.open(location());
    }

    @AfterEach
    void close() {
        store.close();
    }

    static SweepDefinition sweep(String name) {
        return LOADER.parse("""
                name: %s
                architecture: tiny
                strategy: {type: random, trials: 3}
                parameters:
                  units: {values: [4, 8]}
                """.formatted(name), Path.of(name + ".yaml"));
    }

    private long start(long sweepId, int number) {
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("units", 8, "epochs", 2));
        return store.startTrial(sweepId, number, "mlp", 42 + number, "{\"parameters\":{}}", parameters,
                Map.of("units", "searched", "epochs", "fixed"), "123@host");
    }

    @Test
    void aSweepIsStoredRunningWithItsFileAndMovesToEachState() {
        long id = store.createSweep(sweep("states"), 3);
        SweepRecord stored = store.findSweep("states").orElseThrow();
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.state()).isEqualTo(SweepState.RUNNING);
        assertThat(stored.yamlText()).contains("name: states");
        assertThat(stored.plannedTrials()).isEqualTo(3);
        for (SweepState state : List.of(SweepState.INTERRUPTED, SweepState.RUNNING, SweepState.COMPLETE)) {
            store.setSweepState(id, state);
            assertThat(store.findSweep("states").orElseThrow().state()).isEqualTo(state);
        }
        assertThat(store.findSweep("elsewhere")).isEmpty();
        assertThat(store.sweeps()).extracting(SweepRecord::name).containsExactly("states");
    }

    @Test
    void aTrialIsRunningWithItsParametersBeforeItTrainsAnEpoch() {
        long sweepId = store.createSweep(sweep("running"), 3);
        long trialId = start(sweepId, 0);
        TrialRecord trial = store.trial(trialId).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.RUNNING);
        assertThat(trial.epochsDone()).isZero();
        assertThat(trial.attempt()).isEqualTo(1);
        assertThat(trial.worker()).isEqualTo("123@host");
        assertThat(trial.heartbeatAt()).isNotNull();
        assertThat(trial.parameters()).containsEntry("units", "8").containsEntry("epochs", "2");
        assertThat(trial.parameterSources()).containsEntry("units", "searched").containsEntry("epochs", "fixed");
        assertThat(store.epochs(trialId, 0)).isEmpty();
    }

    @Test
    void anEpochThatArrivesTwiceIsStoredOnceAndCountsAsDone() {
        long trialId = start(store.createSweep(sweep("twice"), 3), 0);
        store.recordEpoch(trialId, 0, epoch(1, 0.8));
        store.recordEpoch(trialId, 0, epoch(1, 0.8));
        store.recordEpoch(trialId, 0, epoch(2, 0.9));
        store.recordEpoch(trialId, 1, epoch(1, 0.7));
        assertThat(store.epochs(trialId, 0)).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(store.epochs(trialId, 1)).extracting(EpochMetrics::valAccuracy).containsExactly(0.7);
        assertThat(store.trial(trialId).orElseThrow().epochsDone()).isEqualTo(1);
    }

    @Test
    void aCompletedTrialKeepsItsMetricsModelAndTheEpochsOfItsBestRepeat() {
        long sweepId = store.createSweep(sweep("complete"), 3);
        long trialId = start(sweepId, 0);
        byte[] model = {1, 2, 3, 4, 5};
        TrialResult result = result(0.9, model);
        for (EpochMetrics e : result.epochs()) {
            store.recordEpoch(trialId, 1, e);
        }
        store.recordEpoch(trialId, 0, epoch(1, 0.5));
        store.recordRepeat(trialId, 0, 42, result(0.5, model), 0.5);
        store.recordRepeat(trialId, 1, 43, result, 0.9);
        store.completeTrial(trialId, result, 1, 2, 0.7, 0.2, 4.0);

        TrialRecord trial = store.trial(trialId).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.objectiveValue()).isEqualTo(0.7);
        assertThat(trial.objectiveStd()).isEqualTo(0.2);
        assertThat(trial.valAccuracy()).isEqualTo(0.9);
        assertThat(trial.testAccuracy()).isEqualTo(0.88);
        assertThat(trial.valAucRoc()).isEqualTo(0.95);
        assertThat(trial.paramCount()).isEqualTo(1234);
        assertThat(trial.bestEpoch()).isEqualTo(2);
        assertThat(trial.modelBytes()).isEqualTo(5);
        assertThat(trial.error()).isNull();
        assertThat(trial.finishedAt()).isNotNull();
        assertThat(store.model(trialId)).hasValueSatisfying(m -> {
            assertThat(m.bytes()).isEqualTo(model);
            assertThat(m.format()).isEqualTo(Network.Format.MULTI_LAYER);
        });
        assertThat(store.epochs(trialId)).as("the best repeat's").extracting(EpochMetrics::valAccuracy).containsExactly(0.8, 0.9);
        assertThat(store.repeats(trialId)).extracting(RepeatRecord::seed).containsExactly(42L, 43L);
        assertThat(store.testConfusion(trialId)).hasValueSatisfying(c -> assertThat(c).isEqualTo(new int[][]{{5, 1}, {0, 4}}));
        assertThat(store.validationConfusion(trialId)).isPresent();
    }

    @Test
    void prunedFailedAndInterruptedTrialsKeepTheirReasonAndNoModel() {
        long sweepId = store.createSweep(sweep("ends"), 3);
        long pruned = start(sweepId, 0);
        store.recordEpoch(pruned, 0, epoch(1, 0.6));
        store.pruneTrial(pruned, epoch(1, 0.6), 0.6, "pruned after epoch 1 by median", 1.0);
        long failed = start(sweepId, 1);
        store.endTrial(failed, TrialState.FAILED, "training loss became NaN", 0.5);
        long interrupted = start(sweepId, 2);
        store.endTrial(interrupted, TrialState.INTERRUPTED, "stopped at your request", 0.2);

        assertThat(store.trials(sweepId)).extracting(TrialRecord::state)
                .containsExactly(TrialState.PRUNED, TrialState.FAILED, TrialState.INTERRUPTED);
        TrialRecord p = store.trial(pruned).orElseThrow();
        assertThat(p.valAccuracy()).isEqualTo(0.6);
        assertThat(p.epochsDone()).isEqualTo(1);
        assertThat(p.error()).contains("median");
        assertThat(store.trial(failed).orElseThrow().error()).isEqualTo("training loss became NaN");
        assertThat(store.model(pruned)).isEmpty();
        assertThat(store.bestTrial(sweepId)).as("only a completed trial can be best").isEmpty();
    }

    @Test
    void startingACandidateAgainReplacesItsUnfinishedAttemptAndItsEpochs() {
        long sweepId = store.createSweep(sweep("again"), 3);
        long first = start(sweepId, 1);
        store.recordEpoch(first, 0, epoch(1, 0.5));
        long second = start(sweepId, 1);
        assertThat(store.trials(sweepId)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(second);
            assertThat(t.attempt()).isEqualTo(2);
            assertThat(t.epochsDone()).isZero();
        });
        assertThat(store.trial(first)).isEmpty();
        assertThat(store.epochs(second, 0)).isEmpty();
    }

    @Test
    void heartbeatsStampRunningTrialsOnly() throws InterruptedException {
        long sweepId = store.createSweep(sweep("alive"), 3);
        long running = start(sweepId, 0);
        long ended = start(sweepId, 1);
        store.endTrial(ended, TrialState.FAILED, "x", 0.1);
        var runningBefore = store.trial(running).orElseThrow().heartbeatAt();
        var endedBefore = store.trial(ended).orElseThrow().heartbeatAt();
        Thread.sleep(20);
        store.heartbeat(List.of(running, ended));
        assertThat(store.trial(running).orElseThrow().heartbeatAt()).isAfter(runningBefore);
        assertThat(store.trial(ended).orElseThrow().heartbeatAt()).isEqualTo(endedBefore);
    }

    @Test
    void theBestTrialAndTheLeaderboardFollowEachSweepsObjective() {
        long sweepId = store.createSweep(sweep("ranked"), 3);
        double[] accuracies = {0.7, 0.9, 0.8};
        for (int n = 0; n < accuracies.length; n++) {
            long id = start(sweepId, n);
            store.completeTrial(id, result(accuracies[n], new byte[]{1}), 0, 1, accuracies[n], null, 1.0);
        }
        long running = start(store.createSweep(sweep("other"), 3), 0);
        assertThat(store.bestTrial(sweepId).orElseThrow().number()).isEqualTo(1);
        assertThat(store.leaderboard("ranked", 10)).extracting(TrialRecord::number).containsExactly(1, 2, 0);
        assertThat(store.leaderboard(null, 10)).extracting(TrialRecord::id).last().isEqualTo(running);
        assertThat(store.leaderboard(null, 2)).hasSize(2);
    }

    @Test
    void thePrunersHistoryHoldsEachTrialsFirstExecutionByEpoch() {
        long sweepId = store.createSweep(sweep("history"), 3);
        long done = start(sweepId, 0);
        store.recordEpoch(done, 0, epoch(1, 0.5));
        store.recordEpoch(done, 0, epoch(2, 0.7));
        store.recordEpoch(done, 1, epoch(1, 0.1));
        store.completeTrial(done, result(0.7, new byte[]{1}), 0, 1, 0.7, null, 1.0);
        long running = start(sweepId, 1);
        store.recordEpoch(running, 0, epoch(1, 0.6));

        History history = store.history(sweepId, "val_accuracy", true);
        assertThat(history.trials().get(0).values()).containsExactly(0.5, 0.7);
        assertThat(history.trials().get(0).complete()).isTrue();
        assertThat(history.trials().get(1).values()).containsExactly(0.6);
        assertThat(history.trials().get(1).complete()).isFalse();
        assertThat(store.history(sweepId, "val_loss", false).trials().get(0).values()).containsExactly(0.5, 0.25);
    }

    @Test
    void readOnlyQueriesSeeTheViewsAndCannotWrite() {
        long sweepId = store.createSweep(sweep("viewed"), 3);
        start(sweepId, 0);
        QueryStore.QueryResult result = store.readOnlyQuery("SELECT sweep, state FROM leaderboard", 10, 10);
        assertThat(result.columns()).containsExactly("sweep", "state");
        assertThat(result.rows()).containsExactly(List.of("viewed", "RUNNING"));
        assertThat(store.readOnlyQuery("SELECT name FROM trial_params ORDER BY name", 1, 10).rows()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.readOnlyQuery("DELETE FROM sweep", 10, 10))
                .isInstanceOf(QueryStore.QueryException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.readOnlyQuery("SELECT * FROM trial", 10, 10))
                .isInstanceOf(QueryStore.QueryException.class);
        assertThat(store.findSweep("viewed")).isPresent();
    }

    @Test
    void twoWritersOnOneDatabaseBothLand() throws Exception {
        try (ExperimentStore second = ExperimentStore.open(location())) {
            long a = store.createSweep(sweep("first-writer"), 3);
            long b = second.createSweep(sweep("second-writer"), 3);
            Thread other = new Thread(() -> {
                for (int n = 0; n < 20; n++) {
                    second.recordEpoch(start(second, b, n), 0, epoch(1, 0.5));
                }
            });
            other.start();
            for (int n = 0; n < 20; n++) {
                store.recordEpoch(start(store, a, n), 0, epoch(1, 0.6));
            }
            other.join();
            assertThat(store.trials(b)).hasSize(20);
            assertThat(second.trials(a)).hasSize(20);
        }
    }

    private static long start(ExperimentStore s, long sweepId, int number) {
        return s.startTrial(sweepId, number, "mlp", number, "{}", Map.of("units", 4), Map.of("units", "searched"), "w@h");
    }
}
