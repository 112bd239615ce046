package dev.sweep.train;

import dev.sweep.arch.Network;
import dev.sweep.data.EvalSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/** Inference time per image, the median of a few runs after a warm-up, at a given batch size. */
public final class Latency {
    private Latency() {
    }

    public static double millisecondsPerImage(Network network, EvalSet images, InputNormalization normalization, int batch, int runs) {
        int size = Math.min(batch, images.count());
        INDArray features = normalization.apply(images.features().get(NDArrayIndex.interval(0, size), NDArrayIndex.all()));
        network.output(features);
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            network.output(features);
            times[r] = (System.nanoTime() - start) / 1e6 / size;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
