package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.StoreException;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trials run as Spark tasks: in local mode inside this JVM, and on a real standalone cluster that loses a worker. */
class SparkExecutorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // Kept when a test fails: the master's, workers' and driver's logs are in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Path sweepFile(String name, String executor, int trials, int trainImages, int epochs) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                name: %s
                dataset: {name: mnist, train_limit: %d, validation: 1000}
                architecture: mlp
                strategy: {type: random, trials: %d}
                seed: 7
                executor: %s
                parameters:
                  epochs: %d
                  units: {int: [32, 128], step: 16}
                  learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}
                """.formatted(name, trainImages, trials, executor, epochs));
        return file;
    }

    private String db() {
        return dir.resolve("experiments").toString();
    }

    private JsonNode leaderboard(String sweep) throws IOException {
        Cli cli = Cli.run("leaderboard", "--sweep", sweep, "--order-by", "number", "--format", "json", "--db", db());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        return JSON.readTree(cli.out());
    }

    @Test
    void aSweepOnLocalSparkGivesTheLeaderboardOfTheSameSweepRunInProcess() throws IOException {
        Path file = sweepFile("on-spark", "{type: spark, master: \"local[2]\", conf: {spark.ui.enabled: false}}", 4, 2000, 2);
        Cli spark = Cli.run("run", file.toString(), "--db", db());
        assertThat(spark.exitCode()).as(spark.toString()).isZero();
        assertThat(spark.out()).contains("master local[2], 2 task slots").contains("4 complete, 0 failed");
        Cli local = Cli.run("run", file.toString(), "--db", db(), "--executor", "local", "--name", "in-process");
        assertThat(local.exitCode()).as(local.toString()).isZero();

        JsonNode onSpark = leaderboard("on-spark");
        JsonNode inProcess = leaderboard("in-process");
        assertThat(onSpark).hasSize(4);
        assertThat(inProcess).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(onSpark.get(i).get("number").asInt()).isEqualTo(i);
            assertThat(onSpark.get(i).get("parameters")).isEqualTo(inProcess.get(i).get("parameters"));
            for (String metric : List.of("val_accuracy", "val_loss", "test_accuracy", "test_macro_f1")) {
                assertThat(onSpark.get(i).get(metric).asDouble()).as(metric + " of #" + i)
                        .isCloseTo(inProcess.get(i).get(metric).asDouble(), within(1e-6));
            }
        }
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            SweepRecord sweep = store.findSweep("on-spark").orElseThrow();
            assertThat(store.trials(sweep.id())).allSatisfy(t -> {
                assertThat(store.epochs(t.id())).extracting(e -> e.epoch()).containsExactly(1, 2);
                assertThat(store.model(t.id())).isPresent();
            });
        }
    }

    @Test
    void stoppingASparkSweepCancelsItsRunningTrialsAndTheSameCommandFinishesIt() throws Exception {
        Path file = sweepFile("stopped", "{type: spark, master: \"local[2]\", conf: {spark.ui.enabled: false}}", 6, 12000, 5);
        try (SweepProcess driver = SweepProcess.java(dir.resolve("driver.log"), Map.of(), Main.class.getName(),
                "run", file.toString(), "--db", db())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (completed("stopped") == 0 && System.nanoTime() < deadline && driver.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(completed("stopped")).as(driver.output()).isPositive();
            driver.signal("TERM"); // what Ctrl-C does
            assertThat(driver.waitFor(Duration.ofMinutes(1))).as(driver.output()).isEqualTo(143); // 128 + SIGTERM
            assertThat(driver.output()).contains("resume with: ./sweep resume stopped");
        }
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            List<TrialRecord> trials = store.trials(store.findSweep("stopped").orElseThrow().id());
            assertThat(trials).extracting(TrialRecord::state).doesNotContain(TrialState.RUNNING).contains(TrialState.INTERRUPTED);
        }
        Cli resumed = Cli.run("resume", "stopped", "--db", db(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            List<TrialRecord> trials = store.trials(store.findSweep("stopped").orElseThrow().id());
            assertThat(trials).hasSize(6).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(store.epochs(t.id())).hasSize(5);
            });
        }
    }

    @Test
    void aJobSparkGivesUpOnStopsTheSweepResumablyAndTheFixedFileFinishesIt() throws IOException {
        // Every trial's result (its model) is larger than the driver accepts: Spark aborts the job. That is no fault of
        // the trial's parameters, so nothing is recorded FAILED; the sweep stops and waits for the fix.
        Path file = sweepFile("too-small", "{type: spark, master: \"local[2]\", conf: {spark.ui.enabled: false, "
                + "spark.driver.maxResultSize: 1k}}", 2, 500, 1);
        Cli run = Cli.run("run", file.toString(), "--db", db());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("Spark could not run trial #").contains("spark.driver.maxResultSize")
                .contains("run the same command again to resume");
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            SweepRecord sweep = store.findSweep("too-small").orElseThrow();
            assertThat(sweep.state()).isEqualTo(SweepState.INTERRUPTED);
            assertThat(store.trials(sweep.id())).extracting(TrialRecord::state).containsOnly(TrialState.INTERRUPTED);
        }
        // The executor's settings are not part of what the sweep computes: the fixed file resumes the same sweep.
        Files.writeString(file, Files.readString(file).replace("spark.driver.maxResultSize: 1k", "spark.driver.maxResultSize: 1g"));
        Cli again = Cli.run("run", file.toString(), "--db", db());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("2 complete, 0 failed");
    }

    private long completed(String sweep) {
        return whileRunning(sweep, (store, trials) -> trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count(), 0L);
    }

    /** Asks the database about a sweep another process is running, as a second terminal would. */
    private <T> T whileRunning(String sweep, java.util.function.BiFunction<ExperimentStore, List<TrialRecord>, T> question,
                               T beforeItExists) {
        if (!Files.exists(dir.resolve("experiments.mv.db"))) {
            return beforeItExists;
        }
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            return store.findSweep(sweep).map(s -> question.apply(store, store.trials(s.id()))).orElse(beforeItExists);
        } catch (StoreException e) {
            return beforeItExists; // the driver is between connections; the next poll gets in
        }
    }

    @Test
    void sparkSubmitRunsTheCommandLineOnTheMasterItWasGiven() throws Exception {
        Path file = sweepFile("submitted", "{type: local}", 2, 1000, 1);
        // spark-submit wants an application jar; Sweep's classes are on the classpath already, as on a cluster whose
        // nodes have Sweep installed.
        Path jar = dir.resolve("app.jar");
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar)).close();
        try (SweepProcess submit = SweepProcess.java(dir.resolve("submit.log"), Map.of(), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--class", Main.class.getName(), jar.toString(),
                "run", file.toString(), "--executor", "spark", "--db", db())) {
            assertThat(submit.waitFor(Duration.ofMinutes(3))).as(submit.output()).isZero();
            assertThat(submit.output()).contains("master local[2]").contains("2 complete, 0 failed");
        }
        assertThat(leaderboard("submitted")).hasSize(2).allSatisfy(row -> assertThat(row.get("state").asText()).isEqualTo("COMPLETE"));
    }

    @Test
    void epochsOfSparkTrialsAreStoredAsTheyEndAndThePrunerStopsTrialsOnSpark() throws Exception {
        Path file = sweepFile("live", "{type: spark, master: \"local[2]\", conf: {spark.ui.enabled: false}}", 6, 12000, 6);
        Files.writeString(file, Files.readString(file) + "pruner: {type: asha, min_epochs: 1, reduction: 2}\n");
        boolean seenLive = false;
        try (SweepProcess driver = SweepProcess.java(dir.resolve("driver.log"), Map.of(), Main.class.getName(),
                "run", file.toString(), "--db", db())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (driver.isAlive() && System.nanoTime() < deadline) {
                seenLive |= runningTrialWithEpochs("live");
                Thread.sleep(100);
            }
            assertThat(driver.waitFor(Duration.ofSeconds(10))).as(driver.output()).isZero();
        }
        assertThat(seenLive).as("a running trial had epochs in the database").isTrue();
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            List<TrialRecord> trials = store.trials(store.findSweep("live").orElseThrow().id());
            assertThat(trials).extracting(TrialRecord::state).contains(TrialState.PRUNED, TrialState.COMPLETE)
                    .containsOnly(TrialState.PRUNED, TrialState.COMPLETE);
            for (TrialRecord t : trials) {
                List<Integer> epochs = store.epochs(t.id()).stream().map(e -> e.epoch()).toList();
                assertThat(epochs).as("trial #" + t.number()).hasSize(t.epochsDone())
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, t.epochsDone()).boxed().toList());
                assertThat(t.epochsDone()).isEqualTo(t.state() == TrialState.COMPLETE ? 6 : epochs.size()).isBetween(1, 6);
            }
        }
    }

    private boolean runningTrialWithEpochs(String sweep) {
        return whileRunning(sweep, (store, trials) -> trials.stream()
                .anyMatch(t -> t.state() == TrialState.RUNNING && !store.epochs(t.id()).isEmpty()), false);
    }

    @Test
    void anImageFolderShipsToSparkExecutorsAsItsCacheFileAndTrainsFromTheCopy() throws IOException {
        dev.sweep.testkit.MnistFiles.tintedFolders(dir.resolve("tinted/train"), 0, 600);
        Path file = Files.writeString(dir.resolve("shipped.yaml"), """
                name: shipped
                dataset: {format: images, dir: tinted, height: 16, width: 16, channels: 3, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 2}
                executor: {type: spark, master: "local[2]", ship_data: true, conf: {spark.ui.enabled: false}}
                parameters:
                  epochs: 1
                """);
        Cli run = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as("the executors read the cache file Spark fetched for them, not the pictures' folder")
                .containsPattern("sweep: read 600 decoded pictures from \\S*spark\\S*\\.bin");
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            assertThat(store.trials(store.findSweep("shipped").orElseThrow().id()))
                    .hasSize(2).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        }
    }

    @Test
    void aSparkExecutorWithoutAMasterIsRefusedBeforeAnythingRuns() throws IOException {
        Path file = sweepFile("no-master", "{type: local}", 1, 500, 1);
        Cli noMaster = Cli.run("run", file.toString(), "--db", db(), "--executor", "spark");
        assertThat(noMaster.exitCode()).isEqualTo(2);
        assertThat(noMaster.err()).contains("--executor spark needs --master URL");
        Cli unknown = Cli.run("run", file.toString(), "--db", db(), "--executor", "ray");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--executor is one of local, spark, not 'ray'");
        assertThat(dir.resolve("experiments.mv.db")).doesNotExist();
    }

    /**
     * A real standalone master and two workers, each a JVM of its own on the loopback address; one worker is killed
     * while trials run on it. Spark re-runs its task elsewhere and the driver records every trial once.
     */
    @Test
    void aStandaloneClusterThatLosesAWorkerStillRunsEveryTrialExactlyOnce() throws Exception {
        int port = freePort();
        int ui = freePort();
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
        // Workers build executor command lines from SPARK_HOME; Sweep's classes reach executors through
        // spark.executor.extraClassPath, which the driver sets to its own classpath.
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.getParent().toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1");
        String url = "spark://127.0.0.1:" + port;
        try (SweepProcess master = SweepProcess.java(dir.resolve("master.log"), env, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(ui));
             SweepProcess doomed = worker(env, url, 1);
             SweepProcess survivor = worker(env, url, 2)) {
            awaitAliveWorkers(ui, 2, master);
            // Executors log the tasks they start, so that the test knows when worker 1 is training a trial. The data
            // travels with the job (ship_data), as on a cluster whose nodes do not share a file system.
            Path file = sweepFile("cluster", "{type: spark, master: \"" + url + "\", ship_data: true, conf: {spark.ui.enabled: false, "
                    + "spark.executor.extraJavaOptions: \"-Dorg.slf4j.simpleLogger.log.org.apache.spark.executor.Executor=info\"}}",
                    6, 12000, 4);
            try (SweepProcess driver = SweepProcess.java(dir.resolve("driver.log"), env, Main.class.getName(),
                    "run", file.toString(), "--db", db())) {
                // Kill the first worker while its executor trains a trial.
                Path work = dir.resolve("work-1");
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!executorLog(work).contains("Running task") && System.nanoTime() < deadline && driver.isAlive()) {
                    Thread.sleep(100);
                }
                assertThat(executorLog(work)).as("worker 1 ran a task\n" + driver.output()).contains("Running task");
                Thread.sleep(1000);
                doomed.kill();
                int exit = driver.waitFor(Duration.ofMinutes(5));
                assertThat(exit).as(driver.output()).isZero();
                assertThat(driver.output()).contains("Lost executor").contains("6 complete, 0 failed");
                // The task lost with worker 1 ran again, as its second attempt ("task 0.1"), on worker 2.
                assertThat(executorLog(dir.resolve("work-2"))).containsPattern("Running task 0\\.1 in stage");
                try (Stream<Path> files = Files.walk(dir.resolve("work-2"))) {
                    assertThat(files.map(f -> f.getFileName().toString())).as("the dataset shipped to worker 2's executor")
                            .contains("train-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
                }
            }
            assertThat(survivor.isAlive()).isTrue();
        }
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            List<TrialRecord> trials = store.trials(store.findSweep("cluster").orElseThrow().id());
            assertThat(trials).extracting(TrialRecord::number).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            assertThat(trials).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(store.epochs(t.id())).extracting(e -> e.epoch()).containsExactly(1, 2, 3, 4);
            });
        }
    }

    private SweepProcess worker(Map<String, String> env, String master, int n) throws IOException {
        return SweepProcess.java(dir.resolve("worker-" + n + ".log"), env, "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--webui-port", "0",
                "--work-dir", dir.resolve("work-" + n).toString(), master);
    }

    /** The logs of the executors a worker launched (it keeps them under its work folder): the tasks they ran. */
    private static String executorLog(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return "";
        }
        StringBuilder log = new StringBuilder();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                log.append(Files.readString(f));
            }
        }
        return log.toString();
    }

    private static void awaitAliveWorkers(int uiPort, int expected, SweepProcess master) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int alive = 0;
        while (System.nanoTime() < deadline) {
            try {
                JsonNode state = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                alive = (int) Stream.of(JSON.convertValue(state.get("workers"), JsonNode[].class))
                        .filter(w -> w.get("state").asText().equals("ALIVE")).count();
                if (alive >= expected) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master's web UI is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(alive + " of " + expected + " workers registered in a minute:\n" + master.output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
