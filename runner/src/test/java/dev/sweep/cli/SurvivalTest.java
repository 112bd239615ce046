package dev.sweep.cli;

import dev.sweep.store.ExperimentStore;
import dev.sweep.store.StoreException;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Crashes, Ctrl-C, failing trials and a second process, against the real entry point and a real H2 file. */
class SurvivalTest {
    private static final int EPOCHS = 12;

    @TempDir
    Path dir;

    private Path sweepFile(String name, String extra) throws IOException {
        return sweepFile(dir, name, 3, EPOCHS, extra);
    }

    /** An mlp sweep on 3,000 MNIST images that a test can watch, kill or interrupt while it trains. */
    static Path sweepFile(Path dir, String name, int trials, int epochs, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                name: %s
                dataset: {name: mnist, train_limit: 3000, validation: 500}
                architecture: mlp
                strategy: {type: random, trials: %d}
                %s
                parameters:
                  epochs: %d
                  batch_size: 32
                  units: {values: [32, 64]}
                """.formatted(name, trials, extra, epochs));
        return file;
    }

    private String db() {
        return dir.resolve("experiments").toString();
    }

    private List<TrialRecord> trials(String sweep) {
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            return store.findSweep(sweep).map(s -> store.trials(s.id())).orElse(List.of());
        }
    }

    private SweepRecord sweep(String name) {
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            return store.findSweep(name).orElseThrow();
        }
    }

    /** Polls the database, as another process would, until a trial matches. */
    private TrialRecord awaitTrial(String sweep, SweepProcess process, Predicate<TrialRecord> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the sweep process ended early:\n%s", process.output()).isTrue();
            if (Files.exists(dir.resolve("experiments.mv.db"))) {
                Optional<TrialRecord> match;
                try {
                    match = trials(sweep).stream().filter(condition).findFirst();
                } catch (StoreException e) {
                    match = Optional.empty(); // the writer is between connections; the next poll gets in
                }
                if (match.isPresent()) {
                    return match.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trial of " + sweep + " matched in time:\n" + process.output());
    }

    @Test
    void aSweepKilledMidTrialResumesWithEveryPlannedTrialOnceAndTheKilledOneRunAgain() throws Exception {
        Path file = sweepFile("crash", "");
        try (SweepProcess child = SweepProcess.start(dir.resolve("child.log"), "run", file.toString(), "--db", db(), "--quiet")) {
            TrialRecord victim = awaitTrial("crash", child, t -> t.number() == 1 && t.state() == TrialState.RUNNING
                    && t.epochsDone() >= 1);
            assertThat(victim.worker()).startsWith(child.pid() + "@");

            // While it runs: another process reads the leaderboard, and cannot write the same database meanwhile.
            Cli reader = Cli.run("leaderboard", "--sweep", "crash", "--db", db());
            assertThat(reader.exitCode()).as(reader.toString()).isZero();
            assertThat(reader.out()).contains("RUNNING").contains("COMPLETE");
            long before = System.nanoTime();
            Cli second = Cli.run("run", file.toString(), "--db", db(), "--quiet");
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
            assertThat(second.err()).as("a completed trial's fsync must not drop the sweep's lock on its file")
                    .contains("is being written by process " + child.pid() + "@")
                    .contains("one process writes a database at a time");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("it says so at once").isLessThan(Duration.ofSeconds(8));
            assertThat(dir.resolve("experiments.lock.db")).as("no mixed-mode server, so no lock file naming its port")
                    .doesNotExist();

            child.kill();
        }
        assertThat(trials("crash")).filteredOn(t -> t.number() == 1).extracting(TrialRecord::state)
                .containsExactly(TrialState.RUNNING);

        Cli resumed = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("1 kept from before");

        List<TrialRecord> trials = trials("crash");
        assertThat(trials).extracting(TrialRecord::number).containsExactly(0, 1, 2);
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.epochsDone()).isEqualTo(EPOCHS);
        });
        assertThat(trials).extracting(TrialRecord::attempt).containsExactly(1, 2, 1);
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            assertThat(trials).allSatisfy(t -> assertThat(store.epochs(t.id())).hasSize(EPOCHS));
        }
        assertThat(sweep("crash").state()).isEqualTo(SweepState.COMPLETE);
    }

    @Test
    void aTpeSweepKilledWhileItsModelGuidesATrialResumesWithTheStoredSuggestionsAndExactlyThePlannedTrials() throws Exception {
        Path file = dir.resolve("learning.yaml");
        Files.writeString(file, """
                name: learning
                dataset: {name: mnist, train_limit: 3000, validation: 500}
                architecture: mlp
                strategy: {type: tpe, trials: 4, startup_trials: 2}
                parameters:
                  epochs: %d
                  batch_size: 32
                  units: {values: [32, 64]}
                  learning_rate: {float: [1.0e-4, 1.0e-1], scale: log}
                """.formatted(EPOCHS));
        List<TrialRecord> before;
        try (SweepProcess child = SweepProcess.start(dir.resolve("child.log"), "run", file.toString(), "--db", db(), "--quiet")) {
            TrialRecord victim = awaitTrial("learning", child, t -> t.number() == 2 && t.state() == TrialState.RUNNING
                    && t.epochsDone() >= 1);
            assertThat(basis(victim)).as("trial #2 is the model's, after 2 startup trials").isEqualTo("model");
            child.kill();
            before = trials("learning");
        }
        assertThat(before).extracting(TrialRecord::number).containsExactly(0, 1, 2);

        Cli resumed = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();

        List<TrialRecord> after = trials("learning");
        assertThat(after).extracting(TrialRecord::number).containsExactly(0, 1, 2, 3);
        assertThat(after).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        for (TrialRecord earlier : before) {
            assertThat(after.get(earlier.number()).parameters()).as("candidate #%d keeps what was drawn before the kill",
                    earlier.number()).isEqualTo(earlier.parameters());
        }
        assertThat(after).extracting(SurvivalTest::basis).containsExactly("startup", "startup", "model", "model");
        assertThat(sweep("learning").state()).isEqualTo(SweepState.COMPLETE);
    }

    /** What the trial's sampler based it on, as its stored configuration says. */
    private static String basis(TrialRecord trial) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(trial.configJson()).path("sampler").path("basis").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether a process ignores SIGINT, as the children of a shell's background job do (it ignores SIGINT for them,
     * and a JVM started that way cannot catch it): a Ctrl-C cannot reach such a sweep, so the test cannot send one.
     */
    private static boolean ignoresSigint(long pid) throws IOException {
        return ignores(pid, 2);
    }

    private static boolean ignores(long pid, int signal) throws IOException {
        String line = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                .findFirst().orElseThrow();
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << (signal - 1))) != 0;
    }

    @Test
    void ctrlCMarksTheRunningTrialInterruptedAndResumeFinishesTheSweep() throws Exception {
        Path file = sweepFile("ctrlc", "");
        try (SweepProcess child = SweepProcess.start(dir.resolve("child.log"), "run", file.toString(), "--db", db())) {
            awaitTrial("ctrlc", child, t -> t.number() == 0 && t.state() == TrialState.RUNNING && t.epochsDone() >= 1);
            org.junit.jupiter.api.Assumptions.assumeFalse(ignoresSigint(child.pid()), "the tests were started with SIGINT "
                    + "ignored (a shell's background job), so no Ctrl-C can reach the sweep; the SIGTERM tests cover the rest");
            child.signal("INT");
            assertThat(child.waitFor()).as(child.output()).isEqualTo(130);
            assertThat(child.output()).contains("Stopping after this batch")
                    .contains("resume with: ./sweep resume ctrlc --db " + db());
        }
        TrialRecord interrupted = trials("ctrlc").get(0);
        assertThat(interrupted.state()).isEqualTo(TrialState.INTERRUPTED);
        assertThat(interrupted.error()).startsWith("stopped at your request in epoch");
        assertThat(sweep("ctrlc").state()).isEqualTo(SweepState.INTERRUPTED);

        Cli resumed = Cli.run("resume", "ctrlc", "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(trials("ctrlc")).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE).hasSize(3);
    }

    @Test
    void aSweepOverTwoArchitecturesInterruptedAndResumedStoresTheSameTrialsAsOneRunUninterrupted() throws Exception {
        Path file = dir.resolve("branches.yaml");
        Files.writeString(file, """
                name: branches
                dataset: {name: mnist, train_limit: 1500, validation: 300}
                architecture: {values: [mlp, lenet5]}
                strategy: {type: random, trials: 4}
                seed: 7
                parameters:
                  epochs: 4
                  learning_rate: {values: [1.0e-3, 3.0e-3]}
                  mlp: {units: {values: [32, 64]}}
                  lenet5: {filters_1: {values: [4, 6]}}
                """);
        try (SweepProcess child = SweepProcess.start(dir.resolve("child.log"), "run", file.toString(), "--db", db())) {
            awaitTrial("branches", child, t -> t.number() >= 1 && t.state() == TrialState.RUNNING && t.epochsDone() >= 1);
            child.signal("TERM"); // what kill, systemd, Docker and Spark send: treated as a Ctrl-C
            assertThat(child.waitFor()).as(child.output()).isEqualTo(143);
            assertThat(child.output()).contains("Stopping after this batch (SIGTERM)").contains("resume with:");
        }
        assertThat(trials("branches")).extracting(TrialRecord::state).contains(TrialState.INTERRUPTED);
        Cli resumed = Cli.run("resume", "branches", "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();

        String other = dir.resolve("uninterrupted").toString();
        Cli straight = Cli.run("run", file.toString(), "--db", other, "--quiet");
        assertThat(straight.exitCode()).as(straight.toString()).isZero();
        List<TrialRecord> expected;
        try (ExperimentStore store = ExperimentStore.open(other)) {
            expected = store.trials(store.findSweep("branches").orElseThrow().id());
        }
        List<TrialRecord> actual = trials("branches");
        assertThat(actual).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE).hasSize(4);
        assertThat(actual).extracting(t -> t.number() + " " + t.architecture() + " " + t.parameters())
                .containsExactlyElementsOf(expected.stream().map(t -> t.number() + " " + t.architecture() + " " + t.parameters()).toList());
        assertThat(expected).extracting(TrialRecord::architecture).as("the seed draws both architectures").contains("mlp", "lenet5");
    }

    @Test
    void aClosedTerminalsSighupStopsTheSweepAsSigtermDoesAndItResumes() throws Exception {
        Path file = sweepFile("hangup", "");
        try (SweepProcess child = SweepProcess.start(dir.resolve("child.log"), "run", file.toString(), "--db", db())) {
            awaitTrial("hangup", child, t -> t.number() == 0 && t.state() == TrialState.RUNNING && t.epochsDone() >= 1);
            org.junit.jupiter.api.Assumptions.assumeFalse(ignores(child.pid(), 1), "the tests were started under nohup, so "
                    + "the sweep keeps ignoring SIGHUP, as it should");
            child.signal("HUP");
            assertThat(child.waitFor()).as(child.output()).isEqualTo(129);
            assertThat(child.output()).contains("Stopping after this batch (SIGHUP)").contains("resume with:");
        }
        assertThat(trials("hangup").get(0).state()).isEqualTo(TrialState.INTERRUPTED);
        assertThat(sweep("hangup").state()).isEqualTo(SweepState.INTERRUPTED);
        Cli resumed = Cli.run("resume", "hangup", "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    }

    @Test
    void aSecondSigtermQuitsAtOnceAndTheSweepStillResumes() throws Exception {
        Path file = sweepFile("twice", "");
        try (SweepProcess child = SweepProcess.start(dir.resolve("child.log"), "run", file.toString(), "--db", db())) {
            awaitTrial("twice", child, t -> t.number() == 1 && t.state() == TrialState.RUNNING && t.epochsDone() >= 1);
            child.signal("TERM");
            child.signal("TERM");
            assertThat(child.waitFor()).as(child.output()).isEqualTo(143);
        }
        assertThat(trials("twice")).extracting(TrialRecord::state).first().isEqualTo(TrialState.COMPLETE);
        Cli resumed = Cli.run("resume", "twice", "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(trials("twice")).extracting(TrialRecord::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.COMPLETE);
    }

    @Test
    void aDivergingTrialIsFailedWithItsReasonAndTheSweepGoesOn() throws IOException {
        Path file = dir.resolve("nan.yaml");
        Files.writeString(file, """
                name: nan
                dataset: {name: mnist, train_limit: 1000, validation: 200}
                architecture: mlp
                strategy: {type: grid}
                parameters:
                  optimizer: sgd
                  learning_rate: {values: [1.0e6, 0.01]}
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("1 complete, 1 failed");
        List<TrialRecord> trials = trials("nan");
        assertThat(trials.get(0).state()).isEqualTo(TrialState.FAILED);
        assertThat(trials.get(0).error()).contains("training loss became NaN").contains("is the learning rate too high?");
        assertThat(trials.get(1).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void maxFailuresStopsASweepThatKeepsFailingAndRaisingItResumes() throws IOException {
        Path file = dir.resolve("doomed.yaml");
        String body = """
                name: doomed
                dataset: {name: mnist, train_limit: 500, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 4}
                max_failures: %d
                parameters:
                  epochs: 3
                  optimizer: sgd
                  learning_rate: 1.0e9
                  units: {values: [8, 16]}
                """;
        Files.writeString(file, body.formatted(2));
        Cli stopped = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
        assertThat(stopped.err()).contains("sweep 'doomed' stopped: 2 trials failed, and max_failures is 2")
                .contains("(candidate #0): training loss became NaN").contains("raise max_failures");
        assertThat(trials("doomed")).extracting(TrialRecord::state).containsExactly(TrialState.FAILED, TrialState.FAILED);
        assertThat(sweep("doomed").state()).isEqualTo(SweepState.INTERRUPTED);

        Files.writeString(file, body.formatted(10));
        Cli resumed = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("0 complete, 2 failed, 2 kept from before");
    }
}
