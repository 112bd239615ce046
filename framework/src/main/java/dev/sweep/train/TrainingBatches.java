package dev.sweep.train;

import dev.sweep.data.ImageSet;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/**
 * One epoch's minibatches in a seeded random order. The order is shuffled as a plain index array (shuffling
 * DL4J DataSets is slow); each batch is scaled, augmented if asked, and normalized as it is built.
 *
 * <p>Every full batch is written into the same two native arrays, each with one bulk copy: {@code Nd4j.create(float[])}
 * copies element by element, 9% of an mlp step. A batch is therefore valid until the next call of {@link #next()},
 * which is all a training loop needs.
 */
final class TrainingBatches {
    private final ImageSet images;
    private final int classes;
    private final int batchSize;
    private final InputNormalization normalization;
    private final Augmentation augmentation;
    private final int[] order;
    private final float[] scaled;
    private final float[] augmented;
    private final float[] labels;
    private INDArray featureBatch;
    private INDArray labelBatch;
    private int position;

    TrainingBatches(ImageSet images, int classes, int batchSize, Random random, InputNormalization normalization,
                    Augmentation augmentation) {
        this.images = images;
        this.classes = classes;
        this.batchSize = batchSize;
        this.normalization = normalization;
        this.augmentation = augmentation;
        this.order = new int[images.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int full = Math.min(batchSize, order.length);
        this.scaled = new float[full * images.pixelsPerImage()];
        this.augmented = augmentation.isActive() ? new float[scaled.length] : null;
        this.labels = new float[full * classes];
    }

    boolean hasNext() {
        return position < order.length;
    }

    /** Features {@code [b, pixels]} and one-hot labels {@code [b, classes]}; the last batch may be smaller. */
    INDArray[] next() {
        int size = Math.min(batchSize, order.length - position);
        int pixels = images.pixelsPerImage();
        Arrays.fill(labels, 0f);
        byte[] source = images.pixels();
        for (int b = 0; b < size; b++) {
            int index = order[position + b];
            int offset = index * pixels;
            for (int k = 0; k < pixels; k++) {
                scaled[b * pixels + k] = (source[offset + k] & 0xff) / 255f;
            }
            labels[b * classes + images.labels()[index]] = 1f;
        }
        float[] features = scaled;
        if (augmentation.isActive()) {
            features = augmented;
            for (int b = 0; b < size; b++) {
                augmentation.apply(scaled, b * pixels, images.rows(), images.cols(), images.channels(), features, b * pixels);
            }
        }
        if (!normalization.isScale()) {
            int plane = images.rows() * images.cols();
            for (int i = 0; i < size * pixels; i++) {
                features[i] = normalization.apply(features[i], (i % pixels) / plane);
            }
        }
        position += size;
        if (size < batchSize || featureBatch == null) {
            featureBatch = Nd4j.createUninitialized(DataType.FLOAT, size, pixels);
            labelBatch = Nd4j.createUninitialized(DataType.FLOAT, size, classes);
        }
        new FloatPointer(featureBatch.data().addressPointer()).put(features, 0, size * pixels);
        new FloatPointer(labelBatch.data().addressPointer()).put(labels, 0, size * classes);
        return new INDArray[]{featureBatch, labelBatch};
    }
}
