package dev.sweep.data;

/**
 * Images as unsigned bytes with their labels: {@code count} images of {@code channels} planes of {@code rows x cols},
 * each plane row-major (channel-first, as DL4J's convolutional input type reads a flat row). Kept as bytes: a quarter
 * of the memory of floats, and shared read-only by every trial of the process.
 */
public record ImageSet(byte[] pixels, int[] labels, int rows, int cols, int channels) {
    public ImageSet {
        if (channels < 1) {
            throw new IllegalArgumentException("an image has at least one channel, got " + channels);
        }
        if (pixels.length != (long) labels.length * rows * cols * channels) {
            throw new IllegalArgumentException(pixels.length + " pixel values for " + labels.length + " images of "
                    + rows + "x" + cols + "x" + channels);
        }
    }

    /** Grey images: one channel. */
    public ImageSet(byte[] pixels, int[] labels, int rows, int cols) {
        this(pixels, labels, rows, cols, 1);
    }

    public int count() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return rows * cols * channels;
    }

    public ImageSet slice(int from, int to) {
        int size = pixelsPerImage();
        return new ImageSet(java.util.Arrays.copyOfRange(pixels, from * size, to * size),
                java.util.Arrays.copyOfRange(labels, from, to), rows, cols, channels);
    }

    public int[] labelCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
