package dev.sweep.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sweep.store.ExperimentStoreFixtures.epoch;
import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on an H2 file, plus what only a file can show: writers in two processes. */
class H2FileStoreTest extends ExperimentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected String location() {
        return dir.resolve("experiments").toString();
    }

    @Test
    void writersInTwoProcessesBothLand() throws Exception {
        long sweepId = store.createSweep(sweep("shared"), 3);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreWriter.class.getName(), location(), Long.toString(sweepId)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        for (int n = 0; n < 30; n++) {
            store.recordEpoch(store.startTrial(sweepId, n, "mlp", n, "{}", java.util.Map.of(), java.util.Map.of(), "parent"), 0,
                    epoch(1, 0.5));
        }
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(store.trials(sweepId)).hasSize(60);
        assertThat(store.trials(sweepId)).filteredOn(t -> t.worker().equals("child")).hasSize(30);
    }

    /** The second process: 30 trials of its own, numbered from 100, with one epoch each. */
    public static final class StoreWriter {
        public static void main(String[] args) {
            long sweepId = Long.parseLong(args[1]);
            try (ExperimentStore store = ExperimentStore.open(args[0])) {
                for (int n = 100; n < 130; n++) {
                    store.recordEpoch(store.startTrial(sweepId, n, "mlp", n, "{}", java.util.Map.of(), java.util.Map.of(), "child"), 0,
                            epoch(1, 0.6));
                }
            }
        }
    }
}
