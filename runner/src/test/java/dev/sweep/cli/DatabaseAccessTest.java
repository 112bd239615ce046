package dev.sweep.cli;

import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may open a database and how: owner-only files and passwords, and files that must not be written to. */
class DatabaseAccessTest {
    @TempDir
    Path dir;

    private Path sweepFile(String name, int epochs) throws IOException {
        return SurvivalTest.sweepFile(dir, name, 2, epochs, "");
    }

    private String db() {
        return dir.resolve("experiments").toString();
    }

    private Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** Waits until the sweep has trained an epoch, so that what follows happens beside a running sweep. */
    private static void awaitTraining(SweepProcess sweep) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(sweep.isAlive()).as("the sweep ended early:\n%s", sweep.output()).isTrue();
            if (sweep.output().contains("epoch 1")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sweep did not start training:\n" + sweep.output());
    }

    private static String sqlState(ThrowingConnect connect) {
        try (Connection ignored = connect.open()) {
            return "connected";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private interface ThrowingConnect {
        Connection open() throws SQLException;
    }

    @Test
    void aRunningSweepServesNothingItsFilesAreOwnerOnlyAndNoSweepUserCanRunCode() throws Exception {
        Path file = sweepFile("served", 20);
        String url = "jdbc:h2:file:" + dir.resolve("experiments");
        try (SweepProcess sweep = SweepProcess.start(dir.resolve("sweep.log"), "run", file.toString(), "--db", db())) {
            awaitTraining(sweep);
            for (String name : new String[]{"experiments.mv.db", "experiments.credentials", "experiments.writer"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
            assertThat(dir.resolve("experiments.lock.db")).as("no server, so no lock file naming a port and key").doesNotExist();
            assertThat(sqlState(() -> DriverManager.getConnection(url, "sa", ""))).as("the file is the sweep's alone")
                    .isEqualTo("90020");
            // The owner's own reader in a second terminal still works.
            Cli leaderboard = Cli.run("leaderboard", "--db", db());
            assertThat(leaderboard.exitCode()).as(leaderboard.toString()).isZero();
            assertThat(leaderboard.out()).contains("served");
            assertThat(sweep.waitFor(Duration.ofSeconds(120))).as(sweep.output()).isZero();
            assertThat(sweep.output()).as("the libraries' INFO logging is off without --verbose").doesNotContain("INFO ");
        }
        assertThat(dir.resolve("experiments.writer")).as("the writer's note goes with it").doesNotExist();
        // Only the credentials file's reader can log in, and even with the writer's password nobody can create code.
        assertThat(sqlState(() -> DriverManager.getConnection(url, "sa", ""))).isEqualTo("28000");
        assertThat(sqlState(() -> DriverManager.getConnection(url, "sweep_reader", "sweep_reader"))).isEqualTo("28000");
        Properties credentials = read(dir.resolve("experiments.credentials"));
        try (Connection writer = DriverManager.getConnection(url, "sweep_writer", credentials.getProperty("writer"));
             Statement s = writer.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE ALIAS SHELL FOR \"java.lang.Runtime.getRuntime\""))
                    .hasMessageContaining("Admin rights are required");
            assertThatThrownBy(() -> s.execute("CREATE ALIAS ECHO AS $$ String echo(String s) { return s; } $$"))
                    .hasMessageContaining("Admin rights are required");
            assertThatThrownBy(() -> s.execute("CALL CSVWRITE('" + dir.resolve("x.csv") + "', 'SELECT 1')"))
                    .hasMessageContaining("Admin rights are required");
        }
    }

    @Test
    void aDatabaseFromBeforeCredentialsGetsThemAndKeepsEverythingItHeld() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("experiments");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("7").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sweep (name, architecture, strategy, planned_trials, seed, objective_metric, objective_goal, "
                    + "dataset, yaml_text, state, created_at) VALUES ('old', 'mlp', 'random', 3, 42, 'val_accuracy', 'MAXIMIZE', "
                    + "'mnist', 'name: old', 'COMPLETE', CURRENT_TIMESTAMP)");
        }

        Cli leaderboard = Cli.run("sql", "SELECT sweep, planned_trials FROM sweeps", "--db", db());
        assertThat(leaderboard.exitCode()).as(leaderboard.toString()).isZero();
        assertThat(leaderboard.out()).contains("old").contains("3");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("experiments.credentials"))))
                .isEqualTo("rw-------");
        assertThat(sqlState(() -> DriverManager.getConnection(url, "sa", ""))).isEqualTo("28000");
        assertThat(sqlState(() -> DriverManager.getConnection(url, "sweep_reader", "sweep_reader"))).isEqualTo("28000");
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            assertThat(store.findSweep("old")).isPresent();
        }
    }

    @Test
    void aDatabaseFromANewerSweepIsRefusedBeforeAnythingIsWritten() throws Exception {
        ExperimentStore.open(db()).close();
        Properties credentials = read(dir.resolve("experiments.credentials"));
        String url = "jdbc:h2:file:" + dir.resolve("experiments");
        try (Connection owner = DriverManager.getConnection(url, "sa", credentials.getProperty("owner"));
             Statement s = owner.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', "
                    + "'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'sa', 1, TRUE)");
        }

        Cli run = Cli.run("run", sweepFile("later", 1).toString(), "--db", db(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("was written by a newer Sweep").contains("version 99").containsPattern("knows versions up to [0-9]+\\.")
                .contains("Nothing was written");
        Cli leaderboard = Cli.run("leaderboard", "--db", db());
        assertThat(leaderboard.exitCode()).isEqualTo(2);

        try (Connection owner = DriverManager.getConnection(url, "sa", credentials.getProperty("owner"));
             Statement s = owner.createStatement()) {
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99'");
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM sweep")) {
                rs.next();
                assertThat(rs.getInt(1)).as("sweeps created by the refused run").isZero();
            }
        }
    }

    @Test
    void aFileThatDoesNotOpenCleanlyIsReportedAndLeftByteForByteAsItWas() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Path file = dir.resolve("experiments.mv.db");
        Files.write(file, garbage);

        for (String[] command : new String[][]{{"leaderboard"}, {"run", sweepFile("onto-garbage", 1).toString(), "--quiet"}}) {
            Cli cli = Cli.run(concat(command, "--db", db()));
            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
            assertThat(cli.err()).contains("cannot open the experiment database " + file).contains("Sweep has not written to it");
            assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        }
    }

    @Test
    void commandsThatReadRefuseADatabaseThatDoesNotExistAndLeaveNoFile() {
        String missing = dir.resolve("nothing-here").toString();
        String[][] commands = {{"leaderboard"}, {"sql", "SELECT * FROM sweeps"}, {"show", "1"}, {"compare", "1", "2"},
                {"export", "--sweep", "x", "--out", dir.resolve("best.zip").toString()}, {"report", "x", "--out", dir.resolve("report").toString()}, {"resume", "x"}};
        for (String[] command : commands) {
            Cli cli = Cli.run(concat(command, "--db", missing));
            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
            assertThat(cli.err()).as(cli.toString()).contains("no experiment database at " + missing + ".mv.db");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aFolderGivenAsTheDatabaseHoldsTheDefaultFileAndMessagesNameIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("results"));
        Cli run = Cli.run("run", sweepFile("in-folder", 1).toString(), "--db", folder + "/");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(folder.resolve("experiments.mv.db").toString());
        assertThat(folder.resolve("experiments.mv.db")).exists();
        Cli leaderboard = Cli.run("leaderboard", "--db", folder.toString());
        assertThat(leaderboard.exitCode()).as(leaderboard.toString()).isZero();
        assertThat(leaderboard.out()).contains("in-folder");
    }

    @Test
    void aDatabaseOnReadOnlyMediaCanBeRead() throws Exception {
        Cli run = Cli.run("run", sweepFile("archived", 1).toString(), "--db", db(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path media = Files.createDirectories(dir.resolve("media"));
        boolean mounted = exec("mount", "--bind", dir.toString(), media.toString()) == 0
                && exec("mount", "-o", "remount,ro,bind", media.toString()) == 0;
        try {
            Assumptions.assumeTrue(mounted, "skipped: this machine cannot bind-mount a read-only folder (needs root)");
            String readOnlyDb = media.resolve("experiments").toString();
            Cli leaderboard = Cli.run("leaderboard", "--db", readOnlyDb);
            assertThat(leaderboard.exitCode()).as(leaderboard.toString()).isZero();
            assertThat(leaderboard.out()).contains("archived").contains(TrialState.COMPLETE.name());
            Cli sql = Cli.run("sql", "SELECT COUNT(*) AS n FROM leaderboard", "--db", readOnlyDb);
            assertThat(sql.exitCode()).as(sql.toString()).isZero();
            assertThat(sql.out()).contains("2");
        } finally {
            exec("umount", media.toString());
        }
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
