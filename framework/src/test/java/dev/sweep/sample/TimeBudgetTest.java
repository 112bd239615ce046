package dev.sweep.sample;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.run.StopSignal;
import dev.sweep.run.SweepListener;
import dev.sweep.run.SweepOutcome;
import dev.sweep.run.SweepRunner;
import dev.sweep.run.TrialExecutor;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time budget, as Optuna's timeout: no trial starts once it is spent, the running ones finish, and the sweep can go on
 * later with what is left of it, or with a larger one.
 */
class TimeBudgetTest {
    private static final long TRIAL_MILLIS = 400;

    /** The synthetic objective, taking a fixed time per trial. */
    private static final TrialExecutor SLOW = (spec, reporter) -> {
        try {
            Thread.sleep(TRIAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new SyntheticObjective.Executor().execute(spec, reporter);
    };

    private static SweepOutcome run(ExperimentStore store, SweepDefinition definition) {
        return new SweepRunner(SyntheticObjective.REGISTRY, SyntheticObjective.DATA, SLOW, new StopSignal())
                .run(definition, store, SweepListener.NONE);
    }

    @Test
    void noTrialStartsOnceTheBudgetIsSpentAndTheSweepGoesOnWithALargerOne() {
        SweepDefinition definition = new SweepFileLoader(SyntheticObjective.REGISTRY).parse(SyntheticObjective.sweepFile(
                "name: budgeted\nstrategy: {type: random, trials: 30}\nbudget: 2s", 1), Path.of("budgeted.yaml"));
        assertThat(definition.budget()).isEqualTo(Duration.ofSeconds(2));
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:budget_" + System.nanoTime())) {
            SweepOutcome first = run(store, definition);
            List<TrialRecord> trials = store.trials(first.sweepId());
            OffsetDateTime before = trials.get(0).startedAt(); // the budget counts from the first trial on, as BudgetClock
            assertThat(first.notStarted()).as("trials left unstarted").isPositive();
            assertThat(trials.size() + first.notStarted()).isEqualTo(30);
            assertThat(trials).as("every trial started within the budget").allSatisfy(t ->
                    assertThat(Duration.between(before, t.startedAt())).isLessThan(Duration.ofSeconds(2)));
            assertThat(trials.size()).as("about 2 s of %d ms trials", TRIAL_MILLIS).isBetween(2, 6);
            assertThat(first.budgetUsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(4));
            assertThat(store.findSweep("budgeted").orElseThrow().state()).isEqualTo(SweepState.INTERRUPTED);

            SweepOutcome again = run(store, definition);
            assertThat(again.complete()).as("the same budget, spent: nothing starts").isZero();
            assertThat(again.notStarted()).isEqualTo(first.notStarted());

            SweepOutcome more = run(store, definition.withBudget(Duration.ofSeconds(4)));
            assertThat(more.complete()).as("two seconds more of budget").isBetween(1, 6);
            assertThat(store.trials(first.sweepId())).hasSize(trials.size() + more.complete());
        }
    }
}
