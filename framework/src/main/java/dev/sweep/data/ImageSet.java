package dev.sweep.data;

/**
 * Images as unsigned bytes (row-major, {@code count * rows * cols}) with their labels. Kept as bytes: a quarter
 * of the memory of floats, and shared read-only by every trial of the process.
 */
public record ImageSet(byte[] pixels, int[] labels, int rows, int cols) {
    public int count() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public ImageSet slice(int from, int to) {
        int size = pixelsPerImage();
        return new ImageSet(java.util.Arrays.copyOfRange(pixels, from * size, to * size),
                java.util.Arrays.copyOfRange(labels, from, to), rows, cols);
    }

    public int[] labelCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
