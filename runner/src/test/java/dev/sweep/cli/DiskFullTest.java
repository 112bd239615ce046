package dev.sweep.cli;

import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep on a small file system that fills up: every trial reported COMPLETE is on disk, and it says "disk full". */
class DiskFullTest {
    private static final int TRIALS = 12;

    @TempDir
    Path dir;
    private Path disk;

    @BeforeEach
    void aTwentyFourMegabyteFileSystem() throws Exception {
        disk = Files.createDirectories(dir.resolve("small-disk"));
        int mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Assumptions.assumeTrue(mounted == 0, "skipped: this machine cannot mount a small tmpfs (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
    }

    private void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block);
            }
        } catch (IOException full) {
            // up to the last byte the file system had
        }
    }

    @Test
    void aSweepStopsCleanlyBeforeTheDiskIsFullAndResumesWithEveryCompletedTrialKept() throws Exception {
        Path file = dir.resolve("full.yaml");
        Files.writeString(file, """
                name: full
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: mlp
                strategy: {type: random, trials: %d}
                parameters:
                  units: {values: [32, 48]}
                """.formatted(TRIALS));
        String db = disk.resolve("experiments").toString();
        Path filler = disk.resolve("filler");
        fill(filler, 5L << 20); // leaves about 19 MB, and Sweep keeps 16 MB free

        Cli first = Cli.run("run", file.toString(), "--db", db);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        assertThat(first.err()).contains("the disk of " + db + ".mv.db is nearly full").contains("run the same command again");
        int reported = count(Pattern.compile("COMPLETE: objective"), first.out());
        assertThat(reported).as(first.toString()).isBetween(1, TRIALS - 1);
        assertThat(stored(db)).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(reported);

        // The disk now full to the last byte: the leaderboard still reads, and a run says what is wrong.
        fill(disk.resolve("more"), 64L << 20);
        Cli leaderboard = Cli.run("leaderboard", "--db", db);
        assertThat(leaderboard.exitCode()).as(leaderboard.toString()).isZero();
        assertThat(count(Pattern.compile("COMPLETE"), leaderboard.out())).isEqualTo(reported);
        Cli onFull = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(onFull.exitCode()).as(onFull.toString()).isEqualTo(1);
        assertThat(onFull.err()).containsAnyOf("disk is full (No space left on device)", "is nearly full").doesNotContain("has been closed");

        Files.delete(filler);
        Files.delete(disk.resolve("more"));
        Cli resumed = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        List<TrialRecord> trials = stored(db);
        assertThat(trials).hasSize(TRIALS).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    private static List<TrialRecord> stored(String db) {
        try (ExperimentStore store = ExperimentStore.openForReading(db)) {
            return store.trials(store.findSweep("full").orElseThrow().id());
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
