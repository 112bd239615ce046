package dev.sweep.spark;

import com.google.inject.Module;
import dev.sweep.FatalException;
import dev.sweep.config.ExecutorSpec;
import dev.sweep.data.DataException;
import dev.sweep.data.DatasetShipment;
import dev.sweep.run.LocalTrialExecutor;
import dev.sweep.run.ExecutorType;
import dev.sweep.run.TrialExecutor;
import dev.sweep.run.TrialResult;
import dev.sweep.run.TrialSpec;
import dev.sweep.train.StopRequestedException;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialPrunedException;
import dev.sweep.train.TrialReporter;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each trial execution as one Spark task, as Hyperopt's SparkTrials does: the driver (this process) generates the
 * candidates and writes every result to the database; executors train and hand back metrics, history and the model.
 * Each epoch also reaches the driver as it ends ({@link EpochRelay}): it is stored at once and the pruner judges it, as
 * for trials in this process.
 *
 * <p>A lost executor or a failed task is retried by Spark ({@code spark.task.maxFailures}, 4 on a cluster). The driver
 * records a trial once, when its task has succeeded, so a retried task never duplicates a completed trial. A job that
 * still fails stops the sweep as a fatal error; the same command resumes it.
 */
public final class SparkTrialExecutor implements ExecutorType.Session {
    /**
     * Native settings every trial process needs (see bin/java), the driver's where it has them: one OpenMP thread per
     * task, and oneDNN's instruction set as bin/java chose it for this kind of machine (AVX2 where nothing chose).
     */
    private static final Map<String, String> NATIVE_ENV = Map.of("OMP_NUM_THREADS", "1", "DNNL_MAX_CPU_ISA", "AVX2",
            "ND4J_IGNORE_AVX", "true", "SD_MAX_THREADS", "64");
    /**
     * Passed on only when the driver has it: bin/java sets it from this machine's CPU flags, which executors on the
     * same kind of machine share; an executor without it lets OpenBLAS detect its CPU itself.
     */
    private static final String OPENBLAS_CORETYPE = "OPENBLAS_CORETYPE";
    /** JavaCPP otherwise reads /proc/self/statm on every native allocation: 5% of a training step. */
    static final String NO_PHYSICAL_MEMORY_CHECKS = "-Dorg.bytedeco.javacpp.maxphysicalbytes=0";
    private static final AtomicLong JOBS = new AtomicLong();

    private final JavaSparkContext spark;
    private final String dataRoot;
    private final List<String> modules;
    private final DatasetShipment shipment;
    private final EpochRelay relay;
    private final String driverHost;

    private SparkTrialExecutor(JavaSparkContext spark, String dataRoot, List<String> modules, DatasetShipment shipment, EpochRelay relay,
                               String driverHost) {
        this.spark = spark;
        this.dataRoot = dataRoot;
        this.modules = modules;
        this.shipment = shipment;
        this.relay = relay;
        this.driverHost = driverHost;
    }

    /**
     * Starts a Spark application for one sweep. With {@code ship_data}, the dataset's files (its format says which)
     * are sent to every executor.
     *
     * @param context the sweep's name, its dataset, where every executor finds known datasets (mnist; a path all of
     *                them can read), the Guice modules that register the architectures, instantiated again on each
     *                executor, and this process's executor, which local-mode tasks share
     */
    public static SparkTrialExecutor start(ExecutorSpec executor, ExecutorType.Context context) {
        DatasetShipment shipment = null;
        if (executor.flag(SparkExecutorType.SHIP_DATA)) {
            shipment = context.shipment().get().orElseThrow(() -> new DataException("executor.ship_data cannot send a "
                    + context.dataset().format() + " dataset: its format does not say which files to send. Fix: remove "
                    + "ship_data and put the dataset at the same path on every node."));
        }
        String sweepName = context.sweepName();
        Path dataRoot = context.dataRoot();
        List<Class<? extends Module>> modules = context.modules();
        LocalTrialExecutor local = context.local();
        SparkConf conf = configuration(executor, sweepName);
        JavaSparkContext spark = new JavaSparkContext(conf);
        // Each executor fetches the files once, before its first task, into its SparkFiles folder.
        if (shipment != null) {
            shipment.files().forEach(spark::addFile);
        }
        String root = dataRoot.toAbsolutePath().normalize().toString();
        List<String> names = modules.stream().map(Class::getName).toList();
        WorkerRuntime.share(root, names, local);
        // Executors already reach the driver at spark.driver.host; the relay listens there too.
        SparkConf started = spark.getConf();
        String host = started.get("spark.driver.host");
        EpochRelay relay;
        try {
            relay = EpochRelay.start(started.get("spark.driver.bindAddress", host));
        } catch (IOException e) {
            spark.stop();
            throw new UncheckedIOException("cannot listen for the epochs of running trials on " + host, e);
        }
        return new SparkTrialExecutor(spark, root, names, shipment, relay, host);
    }

    /**
     * The application's settings: spark.* system properties first (spark-submit passes its own that way), then the
     * sweep file's {@code conf}, then Sweep's defaults where neither says otherwise.
     */
    static SparkConf configuration(ExecutorSpec executor, String sweepName) {
        SparkConf conf = new SparkConf().setMaster(executor.text(SparkExecutorType.MASTER)).setAppName("sweep " + sweepName);
        executor.conf().forEach(conf::set);
        if (executor.text(SparkExecutorType.MASTER).startsWith("local")) {
            // Nothing outside this process needs to reach a local driver; a machine without a resolvable host name
            // then still works.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // Executors run Sweep's classes from the same paths as this driver: install Sweep at one path on every
            // node (or a shared file system), or give spark.executor.extraClassPath yourself.
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        // The web UI listens on every interface, even for local[N], and its kill links let anyone who reaches it end
        // the sweep. Turn it on in the file's conf (spark.ui.enabled: true) where the network is trusted.
        conf.setIfMissing("spark.ui.enabled", "false");
        NATIVE_ENV.forEach((name, fallback) -> {
            String value = System.getenv(name);
            conf.setIfMissing("spark.executorEnv." + name, value != null ? value : fallback);
        });
        if (System.getenv(OPENBLAS_CORETYPE) != null) {
            conf.setIfMissing("spark.executorEnv." + OPENBLAS_CORETYPE, System.getenv(OPENBLAS_CORETYPE));
        }
        // Executors need Spark's opens on Java 17 whatever other options they are given; a maxphysicalbytes of
        // their own comes later on the command line and wins.
        String options = conf.get("spark.executor.extraJavaOptions", "");
        conf.set("spark.executor.extraJavaOptions", (JavaModuleOptions.defaultModuleOptions() + " " + NO_PHYSICAL_MEMORY_CHECKS
                + " " + options).strip());
        return conf;
    }

    /** Tasks Spark runs at once: local[N]'s N, or the cores of the executors registered so far (at least 2). */
    @Override
    public int slots() {
        return spark.defaultParallelism();
    }

    public String describe() {
        String ui = spark.sc().uiWebUrl().isDefined() ? ", web UI " + spark.sc().uiWebUrl().get() : "";
        return "Spark " + spark.version() + ", master " + spark.master() + ", " + slots() + " task slots" + ui;
    }

    @Override
    public TrialResult execute(TrialSpec spec, TrialReporter reporter) throws TrialFailedException {
        String group = "sweep-" + JOBS.incrementAndGet();
        spark.setJobGroup(group, "sweep '" + spec.sweepName() + "' trial #" + spec.number()
                + (spec.repeat() > 0 ? " repeat " + spec.repeat() : ""), true);
        TaskOutcome outcome;
        int streamed;
        relay.register(group, reporter);
        try (StopWatcher watcher = StopWatcher.start(spark, group, reporter)) {
            try {
                TrialTask task = new TrialTask(spec, dataRoot, modules, shipment, relay.url(driverHost, group));
                outcome = spark.parallelize(List.of(task), 1).map(new RemoteTrial()).collect().get(0);
            } catch (Exception e) { // collect() throws SparkException, checked in Java though it declares none
                if (watcher.cancelled()) {
                    throw new StopRequestedException("stopped at your request while Spark ran trial #" + spec.number());
                }
                throw new SparkJobFailedException("Spark could not run trial #" + spec.number() + " of sweep '" + spec.sweepName()
                        + "' (master " + spark.master() + "): " + rootMessage(e) + ". Fix: check the cluster (its web UI lists lost "
                        + "executors and their logs) and the Spark settings (executor.conf), then run the same command again to "
                        + "resume; finished trials are kept.", e);
            }
        } finally {
            spark.clearJobGroup();
            streamed = relay.unregister(group);
        }
        if (outcome.pruned() != null) {
            throw new TrialPrunedException(outcome.pruned());
        }
        if (outcome.failure() != null) {
            throw new TrialFailedException(outcome.failure() + " (on " + outcome.host() + ")");
        }
        // Epochs the relay did not bring (an executor that could not reach it) are stored now, in order.
        outcome.result().epochs().stream().filter(e -> e.epoch() > streamed).forEach(reporter::epochCompleted);
        return outcome.result();
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.toString() : message.lines().findFirst().orElse(e.toString());
    }

    @Override
    public void close() {
        relay.close();
        spark.stop();
    }

    /** A job that Spark gave up on: fatal, so the sweep stops cleanly and can be resumed. */
    static final class SparkJobFailedException extends FatalException {
        SparkJobFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
