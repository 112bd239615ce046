package dev.sweep.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.run.TrialExecutor;
import dev.sweep.train.TrialFailedException;
import dev.sweep.run.TrialResult;
import dev.sweep.run.TrialSpec;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.train.TrialReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strategy.reproducible} with three trials at once, through the real runner and store: trials that end in
 * opposite orders in two runs still give the same suggestions, because trial k learns only from trials 0..k-3.
 */
class ReproducibleParallelTest {
    private static final int TRIALS = 14;
    private static final int PARALLEL = 3;

    /** The synthetic objective, after a pause that depends on the trial's number: it decides which trial ends first. */
    private record Paced(IntUnaryOperator millis) implements TrialExecutor {
        @Override
        public TrialResult execute(TrialSpec spec, TrialReporter reporter) throws TrialFailedException {
            try {
                Thread.sleep(millis.applyAsInt(spec.number()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SyntheticObjective.Executor().execute(spec, reporter);
        }
    }

    private static List<TrialRecord> run(String sampler, IntUnaryOperator millis) {
        String yaml = SyntheticObjective.sweepFile("name: paced\nstrategy: {type: %s, trials: %d, reproducible: true}\nseed: 11\nparallel: %d"
                .formatted(sampler, TRIALS, PARALLEL), 1);
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:paced_" + System.nanoTime())) {
            return SyntheticObjective.run(store, yaml, new Paced(millis));
        }
    }

    private static List<Integer> saw(TrialRecord trial) {
        List<Integer> saw = new ArrayList<>();
        try {
            new ObjectMapper().readTree(trial.configJson()).path("sampler").path("saw").forEach(n -> saw.add(n.asInt()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return saw;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tpe", "bayes", "evolution"})
    void trialsThatEndInOppositeOrdersGiveTheSameSuggestions(String sampler) {
        // Early trials slow in one run, late ones slow in the other: without the schedule, each trial would see others.
        List<TrialRecord> first = run(sampler, n -> n % PARALLEL == 0 ? 60 : 5);
        List<TrialRecord> second = run(sampler, n -> n % PARALLEL == 0 ? 5 : 60);

        assertThat(second).extracting(TrialRecord::parameters).isEqualTo(first.stream().map(TrialRecord::parameters).toList());
        for (TrialRecord t : first) {
            // Evolution sees its population only, the last finished trials; the others see every finished trial.
            List<Integer> allowed = IntStream.rangeClosed(0, t.number() - PARALLEL).boxed().toList();
            assertThat(saw(t)).as("candidate #%d learned from the trials its schedule allows", t.number())
                    .isSubsetOf(allowed).containsAll(allowed.subList(Math.max(0, allowed.size() - 1), allowed.size()));
        }
    }
}
