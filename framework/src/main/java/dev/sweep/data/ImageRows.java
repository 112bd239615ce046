package dev.sweep.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Images gathered one at a time (a CSV row, a decoded picture) with their labels, before they become an ImageSet. */
final class ImageRows {
    private final int rows;
    private final int cols;
    private final int channels;
    private final List<byte[]> pixels = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    ImageRows(int rows, int cols, int channels) {
        this.rows = rows;
        this.cols = cols;
        this.channels = channels;
    }

    void add(byte[] image, int label) {
        pixels.add(image);
        labels.add(label);
    }

    int size() {
        return labels.size();
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    int channels() {
        return channels;
    }

    List<Integer> labels() {
        return Collections.unmodifiableList(labels);
    }

    int classes() {
        return labels.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    /** The same images in an order fixed by the seed. */
    ImageRows shuffled(long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        ImageRows result = new ImageRows(rows, cols, channels);
        order.forEach(i -> result.add(pixels.get(i), labels.get(i)));
        return result;
    }

    /** The rows {@link StratifiedSplit} keeps to train on, then those it holds out as test images, each in order. */
    ImageRows[] split(double fraction) {
        boolean[] test = StratifiedSplit.testRows(labels, fraction);
        ImageRows kept = new ImageRows(rows, cols, channels);
        ImageRows held = new ImageRows(rows, cols, channels);
        for (int i = 0; i < test.length; i++) {
            (test[i] ? held : kept).add(pixels.get(i), labels.get(i));
        }
        return new ImageRows[]{kept, held};
    }

    ImageSet images() {
        int size = rows * cols * channels;
        byte[] all = new byte[pixels.size() * size];
        for (int i = 0; i < pixels.size(); i++) {
            System.arraycopy(pixels.get(i), 0, all, i * size, size);
        }
        return new ImageSet(all, labels.stream().mapToInt(Integer::intValue).toArray(), rows, cols, channels);
    }
}
