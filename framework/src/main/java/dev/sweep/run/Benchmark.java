package dev.sweep.run;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.Network;
import dev.sweep.config.DatasetSpec;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.DataSplit;
import dev.sweep.data.DatasetRepository;
import dev.sweep.data.EvalSet;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.train.Evaluator;
import dev.sweep.train.InputNormalization;
import dev.sweep.train.NetworkFactory;
import dev.sweep.train.ThroughputProbe;
import jakarta.inject.Inject;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one architecture at its defaults with batch 64 and Adam, in this process: training speed in steady state,
 * evaluation speed, and the framework's overhead in a real one-trial sweep (everything but fitting and evaluating:
 * reading and splitting the data, candidates, building the network, database writes, saving the model).
 */
public final class Benchmark {
    /** Images of one MNIST training epoch, as the PyTorch reference counts it. */
    public static final int EPOCH_IMAGES = 60_000;
    private static final int WARM_UP_STEPS = 10;
    private static final int TEST_IMAGES = 10_000;

    private final ArchitectureRegistry architectures;
    private final DatasetRepository datasets;
    private final SweepFileLoader loader;
    private final SweepRunner runner;

    @Inject
    public Benchmark(ArchitectureRegistry architectures, DatasetRepository datasets, SweepFileLoader loader, SweepRunner runner) {
        this.architectures = architectures;
        this.datasets = datasets;
        this.loader = loader;
        this.runner = runner;
    }

    public record Result(String arch, long params, int batchSize, double trainImagesPerSecond, double trainImagesPerCpuSecond,
                         double epochSeconds,
                         double evalImagesPerSecond, double overheadShare, double overheadSeconds, double sweepSeconds,
                         double peakRssMb) {
        /**
         * The share of a 3-epoch trial on the default 48,000/12,000 split spent measuring, from the two rates: after
         * each epoch the validation images and the 5,000-image training sample, at the end the test images.
         */
        public double measuringShare() {
            double measuring = (3.0 * (DatasetSpec.DEFAULT_VALIDATION + DataSplit.TRAIN_SAMPLE) + TEST_IMAGES) / evalImagesPerSecond;
            double training = 3.0 * (EPOCH_IMAGES - DatasetSpec.DEFAULT_VALIDATION) / trainImagesPerSecond;
            return measuring / (measuring + training);
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("arch", arch);
            m.put("params", params);
            m.put("batch_size", batchSize);
            m.put("train_images_per_s", Math.round(trainImagesPerSecond * 10) / 10.0);
            m.put("train_images_per_cpu_s", Math.round(trainImagesPerCpuSecond * 10) / 10.0);
            m.put("epoch_seconds", Math.round(epochSeconds * 100) / 100.0);
            m.put("eval_images_per_s", Math.round(evalImagesPerSecond * 10) / 10.0);
            m.put("peak_rss_mb", Math.round(peakRssMb));
            m.put("overhead_share", Math.round(overheadShare * 10_000) / 10_000.0);
            m.put("measuring_share_3_epochs", Math.round(measuringShare() * 10_000) / 10_000.0);
            m.put("overhead_seconds", Math.round(overheadSeconds * 1000) / 1000.0);
            m.put("sweep_seconds", Math.round(sweepSeconds * 100) / 100.0);
            return m;
        }
    }

    public Result measure(String arch, int batchSize, double seconds) {
        Architecture architecture = architectures.get(arch);
        // A one-trial sweep of about `seconds` of training first, in a fresh process: its data loading counts.
        double probe = ThroughputProbe.trainImagesPerSecond(network(architecture, batchSize), mnistShape(), batchSize, 2);
        int trainImages = (int) Math.max(10L * batchSize, Math.min(48_000, Math.round(probe * seconds)));
        String yaml = "name: bench-" + arch + "\ndataset: {name: mnist, train_limit: " + trainImages + ", validation: 2000}\n"
                + "architecture: " + arch + "\nstrategy: {type: random, trials: 1}\nparameters: {epochs: 1, batch_size: "
                + batchSize + "}\n";
        SweepDefinition sweep = loader.parse(yaml, Path.of("bench-" + arch + ".yaml"));
        SweepOutcome outcome;
        TrialRecord trial;
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:bench-" + arch + "-" + System.nanoTime())) {
            outcome = runner.run(sweep, store, SweepListener.NONE);
            trial = store.trials(outcome.sweepId()).get(0);
        }
        double overhead = outcome.wallSeconds() - trial.trainSeconds() - trial.evalSeconds();

        DataSplit data = datasets.split(DatasetSpec.mnist());
        Network network = network(architecture, batchSize);
        ThroughputProbe.Rate rate = ThroughputProbe.trainRate(network, data, batchSize, WARM_UP_STEPS, seconds);
        double train = rate.imagesPerSecond();
        double eval = evalImagesPerSecond(network, data, train);
        return new Result(arch, network.parameterCount(), batchSize, train, rate.imagesPerCpuSecond(), EPOCH_IMAGES / train, eval,
                overhead / outcome.wallSeconds(), overhead, outcome.wallSeconds(), peakResidentMegabytes());
    }

    /** The top frames of {@code seconds} of one architecture's training steps, after the usual warm-up. */
    public List<StepProfiler.Frame> profile(String arch, int batchSize, double seconds, int top) throws IOException {
        DataSplit data = datasets.split(DatasetSpec.mnist());
        Network network = network(architectures.get(arch), batchSize);
        ThroughputProbe.trainRate(network, data, batchSize, WARM_UP_STEPS, 1);
        return StepProfiler.profile(() -> ThroughputProbe.trainRate(network, data, batchSize, 0, seconds), top);
    }

    private Network network(Architecture architecture, int batchSize) {
        return NetworkFactory.build(architecture, architectures.resolve(architecture, Map.of("batch_size", batchSize)),
                mnistShape(), 1);
    }

    /** The benchmark trains on MNIST, as PyTorch's reference does: its shape is the loaded files'. */
    private dev.sweep.arch.ImageShape mnistShape() {
        return datasets.split(DatasetSpec.mnist()).shape();
    }

    /** Inference on the test images in the evaluator's batches; slow networks get a part of them. */
    private static double evalImagesPerSecond(Network network, DataSplit data, double trainImagesPerSecond) {
        EvalSet test = data.testSet();
        int count = (int) Math.max(1024, Math.min(test.count(), trainImagesPerSecond * 10));
        EvalSet part = new EvalSet(test.features().get(NDArrayIndex.interval(0, count), NDArrayIndex.all()),
                java.util.Arrays.copyOf(test.labels(), count));
        Evaluator.quick(network, part, data.classes(), InputNormalization.SCALE); // warm-up
        long start = System.nanoTime();
        Evaluator.quick(network, part, data.classes(), InputNormalization.SCALE);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** The process's peak resident memory (VmHWM); NaN where /proc is not there. */
    public static double peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
