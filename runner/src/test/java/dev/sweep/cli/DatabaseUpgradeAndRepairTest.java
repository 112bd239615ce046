package dev.sweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by an earlier Sweep (H2 2.2.220, the release before the H2 upgrade) opens, reads the same and
 * takes new sweeps; a damaged one is found by db check and saved by db recover, which keeps the damaged file.
 */
class DatabaseUpgradeAndRepairTest {
    private static final String FIXTURE = "/databases/sweep-h2-2.2.220/";

    @TempDir
    Path dir;

    private String earlierDatabase() throws IOException {
        for (String name : List.of("experiments.mv.db", "experiments.credentials", "legacy.yaml", "leaderboard.csv")) {
            try (InputStream in = getClass().getResourceAsStream(FIXTURE + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir.resolve("experiments").toString();
    }

    @Test
    void aDatabaseWrittenByTheEarlierReleaseReadsTheSameAndTakesANewSweep() throws IOException {
        String db = earlierDatabase();
        Cli before = Cli.run("leaderboard", "--db", db, "--format", "csv");
        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.out()).isEqualTo(Files.readString(dir.resolve("leaderboard.csv")));

        Cli run = Cli.run("run", dir.resolve("legacy.yaml").toString(), "--db", db, "--name", "after-upgrade", "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Cli after = Cli.run("leaderboard", "--db", db, "--format", "csv");
        assertThat(after.out().lines()).as("the earlier trials unchanged, the new ones beside them")
                .containsAll(before.out().lines().toList()).filteredOn(l -> l.contains(",after-upgrade,")).hasSize(3);
        Cli check = Cli.run("db", "check", "--db", db);
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("2 sweeps, 6 trials").contains("no damage found");
    }

    @Test
    void aDamagedDatabaseIsFoundByCheckAndSavedByRecoverWhichKeepsTheDamagedFile() throws IOException {
        String db = earlierDatabase();
        Path data = dir.resolve("experiments.mv.db");
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
            file.seek(10 * 4096); // inside the one chunk the compacted file holds: a model's pages
            byte[] garbage = new byte[3 * 4096];
            Arrays.fill(garbage, (byte) 0xff);
            file.write(garbage);
        }
        byte[] damaged = Files.readAllBytes(data);

        Cli check = Cli.run("db", "check", "--db", db);
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
        assertThat(check.err()).contains("is damaged").contains("damaged zips").contains("./sweep db recover --db " + db);
        assertThat(Files.readAllBytes(data)).as("check reads only").isEqualTo(damaged);

        Cli recover = Cli.run("db", "recover", "--db", db);
        assertThat(recover.exitCode()).as(recover.toString()).isZero();
        assertThat(recover.out()).contains("Lost: the models of trials").contains("The damaged file is kept as");
        try (var kept = Files.list(dir)) {
            Path copy = kept.filter(p -> p.getFileName().toString().startsWith("experiments.mv.db.damaged-")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(copy)).isEqualTo(damaged);
        }
        Cli again = Cli.run("db", "check", "--db", db);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        Cli leaderboard = Cli.run("leaderboard", "--db", db, "--format", "csv");
        assertThat(leaderboard.out()).as("every trial's metrics survive").isEqualTo(Files.readString(dir.resolve("leaderboard.csv")));
    }

    @Test
    void recoverIsRefusedWhileASweepWritesTheDatabase() throws Exception {
        String db = earlierDatabase();
        Path file = SurvivalTest.sweepFile(dir, "busy", 2, 20, "");
        try (SweepProcess sweep = SweepProcess.start(dir.resolve("sweep.log"), "run", file.toString(), "--db", db)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!sweep.output().contains("epoch 1") && System.nanoTime() < deadline) {
                assertThat(sweep.isAlive()).as(sweep.output()).isTrue();
                Thread.sleep(100);
            }
            Cli recover = Cli.run("db", "recover", "--db", db);
            assertThat(recover.exitCode()).as(recover.toString()).isEqualTo(2);
            assertThat(recover.err()).contains("is being written by process " + sweep.pid() + "@");
            Cli check = Cli.run("db", "check", "--db", db);
            assertThat(check.exitCode()).as("check reads beside the sweep: " + check).isZero();
            sweep.kill();
        }
    }
}
