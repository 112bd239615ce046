package dev.sweep.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sweep.store.ExperimentStoreFixtures.epoch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract on an H2 file, plus what only a file can show: a writer and readers in other processes. */
class H2FileStoreTest extends ExperimentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected String location() {
        return dir.resolve("experiments").toString();
    }

    private Process java(Class<?> main, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName(), location()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aReaderInAnotherProcessSeesEveryCommittedTrialWhileTheWriterGoesOnUnblocked() throws Exception {
        long sweepId = store.createSweep(sweep("watched"), 60);
        Process reader = java(StoreReader.class, Long.toString(sweepId), "60");
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(reader.getInputStream()));
        StringBuilder output = new StringBuilder();
        for (String line = lines.readLine(); line != null && !line.startsWith("reading"); line = lines.readLine()) {
            output.append(line).append('\n');
        }
        long started = System.nanoTime();
        for (int n = 0; n < 60; n++) {
            long trial = store.startTrial(sweepId, n, "mlp", n, "{}", java.util.Map.of(), java.util.Map.of(), "writer");
            store.recordEpoch(trial, 0, epoch(1, 0.5));
            store.completeTrial(trial, ExperimentStoreFixtures.result(0.5, new byte[]{1}), 0, 1, 0.5, null, 1.0);
            Thread.sleep(20);
        }
        double writerSeconds = (System.nanoTime() - started) / 1e9;
        lines.lines().forEach(line -> output.append(line).append('\n'));
        assertThat(reader.waitFor()).as(output.toString()).isZero();
        assertThat(output.toString()).as("the reader saw the sweep grow, and every complete trial whole").contains("grew")
                .doesNotContain("broken");
        assertThat(writerSeconds).as("60 small trials, never waiting for the reader").isLessThan(60);
    }

    @Test
    void aSecondWriterIsRefusedAtOnceNamingTheProcessThatWrites() throws Exception {
        store.createSweep(sweep("held"), 1);
        long started = System.nanoTime();
        Process second = java(StoreWriter.class);
        String output = new String(second.getInputStream().readAllBytes());
        assertThat(second.waitFor()).as(output).isNotZero();
        assertThat(output).contains("is being written by process " + ProcessHandle.current().pid() + "@")
                .contains("one process writes a database at a time");
        assertThat((System.nanoTime() - started) / 1e9).as("no waiting on a writer that is alive").isLessThan(8);
    }

    @Test
    void aLongLivedReaderFollowsTheWriter() throws Exception {
        long sweepId = store.createSweep(sweep("followed"), 2);
        try (ExperimentStore reader = ExperimentStore.openForReading(location())) {
            assertThat(reader.trials(sweepId)).isEmpty();
            store.startTrial(sweepId, 0, "mlp", 0, "{}", java.util.Map.of(), java.util.Map.of(), "writer");
            Thread.sleep(700);
            assertThat(reader.trials(sweepId)).hasSize(1);
            assertThatThrownBy(() -> reader.createSweep(sweep("not-here"), 1)).isInstanceOf(StoreException.class);
        }
        assertThat(store.findSweep("not-here")).isEmpty();
    }

    /** A reader in a process of its own: opens the database again and again, each time checking what it sees. */
    public static final class StoreReader {
        public static void main(String[] args) throws Exception {
            long sweepId = Long.parseLong(args[1]);
            int planned = Integer.parseInt(args[2]);
            int first = -1;
            int last = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (last < planned && System.nanoTime() < deadline) {
                try (ExperimentStore store = ExperimentStore.openForReading(args[0])) {
                    List<TrialRecord> trials = store.trials(sweepId);
                    for (TrialRecord t : trials) {
                        if (t.state() == TrialState.COMPLETE && store.epochs(t.id()).size() != 1) {
                            System.out.println("broken: trial " + t.id() + " is COMPLETE without its epoch");
                        }
                    }
                    if (trials.size() < last) {
                        System.out.println("broken: " + trials.size() + " trials after " + last);
                    }
                    if (first < 0) {
                        first = trials.size();
                        System.out.println("reading");
                        System.out.flush();
                    }
                    last = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
                }
            }
            System.out.println(last > first ? "grew from " + first + " to " + last : "did not grow: " + first + " " + last);
        }
    }

    /** A second writer. */
    public static final class StoreWriter {
        public static void main(String[] args) {
            try (ExperimentStore store = ExperimentStore.open(args[0])) {
                store.createSweep(ExperimentStoreContract.sweep("second"), 1);
            }
        }
    }
}
