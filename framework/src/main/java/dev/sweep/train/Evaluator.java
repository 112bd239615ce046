package dev.sweep.train;

import dev.sweep.arch.Network;
import dev.sweep.data.EvalSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Computes classification metrics in inference batches as large as the network's activations allow. */
public final class Evaluator {
    /**
     * Bytes of one layer's activations for a whole inference batch. Past about this much, a batch's arrays no longer
     * stay in the caches and are mapped afresh on every batch (page faults): seed 001's cnn evaluated 1.4-1.7x faster
     * in batches of 128 (13 MB) than of 1,024 (103 MB), while the mlp was fastest at 1,024. Outputs are the same floats
     * at every batch size.
     */
    private static final long ACTIVATION_BYTES_PER_BATCH = 16L << 20;
    private static final int MAX_BATCH = 1024;
    private static final int MIN_BATCH = 16;

    private Evaluator() {
    }

    /** Accuracy, loss and confusion only: what every epoch needs. */
    public static ClassificationMetrics quick(Network network, EvalSet set, int classes, InputNormalization normalization) {
        return evaluate(network, set, classes, normalization, false);
    }

    /** Everything, AUC-ROC included. */
    public static ClassificationMetrics full(Network network, EvalSet set, int classes, InputNormalization normalization) {
        return evaluate(network, set, classes, normalization, true);
    }

    private static ClassificationMetrics evaluate(Network network, EvalSet set, int classes, InputNormalization normalization,
                                                  boolean withAuc) {
        return evaluate(network, set, classes, normalization, withAuc, batchSize(network, set.features(), normalization));
    }

    static ClassificationMetrics evaluate(Network network, EvalSet set, int classes, InputNormalization normalization,
                                          boolean withAuc, int batch) {
        int n = set.count();
        float[] p = probabilities(network, set.features(), normalization, batch);
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        for (int i = 0; i < n; i++) {
            int actual = set.labels()[i];
            confusion[actual][predictedClass(p, i, classes)]++;
            lossSum -= Math.log(Math.max(p[i * classes + actual], 1e-12));
        }
        double auc = withAuc ? RocAuc.macroOneVsRest(p, set.labels(), classes) : Double.NaN;
        return new ClassificationMetrics(n, accuracy(confusion, n), lossSum / n, macroF1(confusion), auc, confusion);
    }

    /**
     * Class probabilities of every row of {@code features} (raw pixels, normalized here), row after row, computed in
     * inference batches sized for the network: a whole test set at once would hold gigabytes of a conv net's activations.
     */
    public static float[] probabilities(Network network, INDArray features, InputNormalization normalization) {
        return probabilities(network, features, normalization, batchSize(network, features, normalization));
    }

    private static float[] probabilities(Network network, INDArray features, InputNormalization normalization, int batch) {
        int n = (int) features.size(0);
        float[] all = null;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[] p = network.output(normalization.apply(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())))
                    .data().asFloat();
            int classes = p.length / (to - from);
            if (all == null) {
                all = new float[n * classes];
            }
            System.arraycopy(p, 0, all, from * classes, p.length);
        }
        return all == null ? new float[0] : all;
    }

    /** The class with the highest probability in row {@code row}; the first of equals. */
    public static int predictedClass(float[] probabilities, int row, int classes) {
        int predicted = 0;
        for (int c = 1; c < classes; c++) {
            if (probabilities[row * classes + c] > probabilities[row * classes + predicted]) {
                predicted = c;
            }
        }
        return predicted;
    }

    /** The largest power of two up to 1,024 whose activations fit the budget in every layer. */
    static int batchSize(Network network, INDArray features, InputNormalization normalization) {
        if (features.size(0) == 0) {
            return MAX_BATCH;
        }
        INDArray oneExample = normalization.apply(features.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()));
        long floats = Math.max(1, network.largestActivationPerExample(oneExample));
        long fits = ACTIVATION_BYTES_PER_BATCH / (Float.BYTES * floats);
        return Integer.highestOneBit((int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, fits)));
    }

    private static double accuracy(int[][] confusion, int n) {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return (double) correct / n;
    }

    /** Mean over classes of 2TP / (2TP + FP + FN); a class that is never present nor predicted scores 0. */
    static double macroF1(int[][] confusion) {
        int classes = confusion.length;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            long tp = confusion[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < classes; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            long denominator = actual + predicted;
            sum += denominator == 0 ? 0 : 2.0 * tp / denominator;
        }
        return sum / classes;
    }
}
