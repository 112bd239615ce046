package dev.sweep.train;

import dev.sweep.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * One epoch's minibatches in a seeded random order. The order is shuffled as a plain index array (shuffling
 * DL4J DataSets is slow), and each batch is scaled to [0, 1] as it is built.
 */
final class TrainingBatches {
    private final ImageSet images;
    private final int classes;
    private final int batchSize;
    private final int[] order;
    private int position;

    TrainingBatches(ImageSet images, int classes, int batchSize, Random random) {
        this.images = images;
        this.classes = classes;
        this.batchSize = batchSize;
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
        float[] features = new float[size * pixels];
        float[] labels = new float[size * classes];
        byte[] source = images.pixels();
        for (int b = 0; b < size; b++) {
            int index = order[position + b];
            int offset = index * pixels;
            for (int k = 0; k < pixels; k++) {
                features[b * pixels + k] = (source[offset + k] & 0xff) / 255f;
            }
            labels[b * classes + images.labels()[index]] = 1f;
        }
        position += size;
        return new INDArray[]{Nd4j.create(features, new int[]{size, pixels}), Nd4j.create(labels, new int[]{size, classes})};
    }
}
