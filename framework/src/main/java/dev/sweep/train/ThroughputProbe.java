package dev.sweep.train;

import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.data.DataSplit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/** Times a few training steps of a network on random images: a speed estimate without data or a real trial. */
public final class ThroughputProbe {
    private ThroughputProbe() {
    }

    private static final int WARM_UP_STEPS = 2;
    private static final double TIMED_SECONDS = 1.0;

    /**
     * Training images per second after two untimed warm-up steps (the JIT and ND4J's workspaces settle in them), over
     * at least {@code minSteps} steps and about a second.
     */
    public static double trainImagesPerSecond(Network network, ImageShape shape, int batchSize, int minSteps) {
        Random random = new Random(1);
        float[] pixels = new float[batchSize * shape.pixels()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        INDArray features = Nd4j.create(pixels, new long[]{batchSize, shape.pixels()}, 'c');
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batchSize, shape.classes());
        for (int i = 0; i < batchSize; i++) {
            labels.putScalar(i, random.nextInt(shape.classes()), 1f);
        }
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            network.fit(features, labels);
        }
        long start = System.nanoTime();
        int steps = 0;
        double elapsed;
        do {
            network.fit(features, labels);
            steps++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (steps < minSteps || elapsed < TIMED_SECONDS);
        return steps * (double) batchSize / elapsed;
    }

    /**
     * A training speed two ways: per second of wall time, and per CPU-second of the training thread, which other
     * work on a busy machine hardly changes.
     */
    public record Rate(double imagesPerSecond, double imagesPerCpuSecond) {
    }

    /**
     * Training speed on real batches, as a trial builds them (shuffled, scaled), in steady state: after
     * {@code warmUpSteps} untimed steps, over about {@code seconds}.
     */
    public static Rate trainRate(Network network, DataSplit data, int batchSize, int warmUpSteps, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TrainingBatches batches = new TrainingBatches(data.train(), data.classes(), batchSize, new Random(1),
                InputNormalization.SCALE, new Augmentation(0, 0, false, new Random(1)));
        for (int i = 0; i < warmUpSteps && batches.hasNext(); i++) {
            INDArray[] batch = batches.next();
            network.fit(batch[0], batch[1]);
        }
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long images = 0;
        double elapsed = 0;
        while (elapsed < seconds) {
            if (!batches.hasNext()) {
                batches = new TrainingBatches(data.train(), data.classes(), batchSize, new Random(images),
                        InputNormalization.SCALE, new Augmentation(0, 0, false, new Random(1)));
            }
            INDArray[] batch = batches.next();
            network.fit(batch[0], batch[1]);
            images += batch[0].size(0);
            elapsed = (System.nanoTime() - start) / 1e9;
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Rate(images / elapsed, images / cpu);
    }
}
