package dev.sweep.train;

import dev.sweep.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * One epoch's minibatches in a seeded random order. The order is shuffled as a plain index array (shuffling
 * DL4J DataSets is slow); each batch is scaled, augmented if asked, and normalized as it is built.
 */
final class TrainingBatches {
    private final ImageSet images;
    private final int classes;
    private final int batchSize;
    private final InputNormalization normalization;
    private final Augmentation augmentation;
    private final int[] order;
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
    }

    boolean hasNext() {
        return position < order.length;
    }

    /** Features {@code [b, pixels]} and one-hot labels {@code [b, classes]}; the last batch may be smaller. */
    INDArray[] next() {
        int size = Math.min(batchSize, order.length - position);
        int pixels = images.pixelsPerImage();
        float[] scaled = new float[size * pixels];
        float[] labels = new float[size * classes];
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
            features = new float[scaled.length];
            for (int b = 0; b < size; b++) {
                augmentation.apply(scaled, b * pixels, images.rows(), images.cols(), features, b * pixels);
            }
        }
        if (normalization != InputNormalization.SCALE) {
            for (int i = 0; i < features.length; i++) {
                features[i] = normalization.apply(features[i]);
            }
        }
        position += size;
        return new INDArray[]{Nd4j.create(features, new int[]{size, pixels}), Nd4j.create(labels, new int[]{size, classes})};
    }
}
