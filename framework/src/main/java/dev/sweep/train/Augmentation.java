package dev.sweep.train;

import java.util.Random;

/**
 * Seeded random rotation, translation and left-right flip of training images, as torchvision's RandomRotation(degrees),
 * RandomAffine(translate=(t, t)) and RandomHorizontalFlip in seed 002: an angle uniform in [-degrees, degrees] about
 * the centre, then a shift uniform in [-t, t] of the width and height rounded to whole pixels, and with {@code flip}
 * a mirror image half of the time. Bilinear sampling, black outside the image; every channel of an image moves alike.
 * Only training batches pass through it.
 */
final class Augmentation {
    private final double maxRadians;
    private final double maxShift;
    private final boolean flip;
    private final Random random;

    Augmentation(double maxDegrees, double maxShift, boolean flip, Random random) {
        this.maxRadians = Math.toRadians(maxDegrees);
        this.maxShift = maxShift;
        this.flip = flip;
        this.random = random;
    }

    boolean isActive() {
        return maxRadians > 0 || maxShift > 0 || flip;
    }

    /**
     * Writes a transformed copy of the image at {@code from[fromOffset]}, {@code channels} planes of {@code rows x cols},
     * into {@code to}.
     */
    void apply(float[] from, int fromOffset, int rows, int cols, int channels, float[] to, int toOffset) {
        // Drawn in this order, and the flip only when asked for, so that sweeps without it keep their images.
        double angle = maxRadians > 0 ? (random.nextDouble() * 2 - 1) * maxRadians : 0;
        double dx = maxShift > 0 ? Math.round((random.nextDouble() * 2 - 1) * maxShift * cols) : 0;
        double dy = maxShift > 0 ? Math.round((random.nextDouble() * 2 - 1) * maxShift * rows) : 0;
        boolean mirrored = flip && random.nextBoolean();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (cols - 1) / 2.0;
        double cy = (rows - 1) / 2.0;
        int plane = rows * cols;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                // Where this output pixel comes from: undo the shift, then the rotation, then the mirror.
                double u = x - cx - dx;
                double v = y - cy - dy;
                double sx = cos * u + sin * v + cx;
                double sy = -sin * u + cos * v + cy;
                if (mirrored) {
                    sx = cols - 1 - sx;
                }
                for (int c = 0; c < channels; c++) {
                    to[toOffset + c * plane + y * cols + x] = bilinear(from, fromOffset + c * plane, rows, cols, sx, sy);
                }
            }
        }
    }

    private static float bilinear(float[] image, int offset, int rows, int cols, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * pixel(image, offset, rows, cols, x0, y0)
                + fx * (1 - fy) * pixel(image, offset, rows, cols, x0 + 1, y0)
                + (1 - fx) * fy * pixel(image, offset, rows, cols, x0, y0 + 1)
                + fx * fy * pixel(image, offset, rows, cols, x0 + 1, y0 + 1));
    }

    private static float pixel(float[] image, int offset, int rows, int cols, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0f : image[offset + y * cols + x];
    }
}
