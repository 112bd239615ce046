package dev.sweep.arch;

import java.util.Arrays;

/**
 * A stride-1 convolution over few input channels, in loops the JIT vectorizes: the arithmetic of
 * {@link FewChannelConvolutionHelper}, on plain float arrays in NCHW order.
 *
 * <p>Every image plane is copied once into a zero-padded plane of width {@code Wp = outW + kW - 1}. An output row then
 * starts every {@code Wp} floats, so one kernel tap is a single multiply-add over the whole plane ({@code outH * Wp}
 * floats, a long loop) instead of a short loop per row: the {@code kW - 1} extra columns of each row are computed
 * and dropped. The weight gradient gathers per-tap partial sums the same way and adds them up at the end, because
 * the JIT would not vectorize a float reduction; the sums run in another order than oneDNN's, so results agree with
 * it to rounding, not to the bit.
 */
final class FewChannelConvolution {
    final int batch;
    final int channels;
    final int height;
    final int width;
    final int filters;
    final int kernelHeight;
    final int kernelWidth;
    final int padTop;
    final int padLeft;
    final int outHeight;
    final int outWidth;
    /** The width of a padded plane and of a wide output row. */
    private final int wide;
    /** Floats per padded plane: its rows, and room for the last tap's reach past the end. */
    private final int plane;
    /** Floats in a wide output plane. */
    private final int span;
    private final int taps;

    private float[] padded = new float[0];
    /** One image's padded planes, each shifted by one kernel tap: every hot loop below indexes all its arrays alike. */
    private final float[][] shifted;
    private final float[] acc;
    private float[][] widened = new float[0][];
    private float[][][] partial = new float[0][][];
    private final float[] paddedGradient;

    FewChannelConvolution(int batch, int channels, int height, int width, int filters, int kernelHeight, int kernelWidth,
                          int padTop, int padLeft, int outHeight, int outWidth) {
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.kernelHeight = kernelHeight;
        this.kernelWidth = kernelWidth;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.wide = outWidth + kernelWidth - 1;
        this.plane = (outHeight + kernelHeight - 1) * wide + kernelWidth;
        this.span = outHeight * wide;
        this.taps = channels * kernelHeight * kernelWidth;
        this.shifted = new float[taps][span];
        this.acc = new float[span];
        this.paddedGradient = new float[channels * plane];
    }

    /** True when this instance fits a call with these sizes, so its scratch arrays can serve again. */
    boolean fits(int batch, int height, int width, int padTop, int padLeft, int outHeight, int outWidth) {
        return this.batch == batch && this.height == height && this.width == width && this.padTop == padTop
                && this.padLeft == padLeft && this.outHeight == outHeight && this.outWidth == outWidth;
    }

    int inputLength() {
        return batch * channels * height * width;
    }

    int outputLength() {
        return batch * filters * outHeight * outWidth;
    }

    /**
     * {@code output[n][o] = bias[o] + sum over c, ky, kx of weights[o][c][ky][kx] * input[n][c][y + ky - padTop][x + kx - padLeft]},
     * zero outside the image.
     */
    void forward(float[] input, float[] weights, float[] bias, float[] output) {
        pad(input);
        int outPlane = outHeight * outWidth;
        for (int n = 0; n < batch; n++) {
            shift(n);
            for (int o = 0; o < filters; o++) {
                Arrays.fill(acc, bias[o]);
                for (int t = 0; t < taps; t++) {
                    multiplyAdd(weights[o * taps + t], shifted[t], acc);
                }
                int out = (n * filters + o) * outPlane;
                for (int y = 0; y < outHeight; y++) {
                    System.arraycopy(acc, y * wide, output, out + y * outWidth, outWidth);
                }
            }
        }
    }

    /**
     * The gradients of {@link #forward} given {@code delta}, the loss's gradient at its output: into {@code weightGradient}
     * ([filters][channels][kH][kW]), {@code biasGradient} ([filters]) and, unless it is null, {@code inputGradient}.
     */
    void backward(float[] input, float[] weights, float[] delta, float[] weightGradient, float[] biasGradient,
                  float[] inputGradient) {
        pad(input);
        if (widened.length != filters) {
            widened = new float[filters][span];
            partial = new float[filters][taps + 1][span];
        }
        for (float[][] sums : partial) {
            for (float[] run : sums) {
                Arrays.fill(run, 0f);
            }
        }
        int outPlane = outHeight * outWidth;
        for (int n = 0; n < batch; n++) {
            shift(n);
            for (int o = 0; o < filters; o++) {
                float[] d = widened[o];
                widen(delta, (n * filters + o) * outPlane, d);
                float[][] sums = partial[o];
                for (int t = 0; t < taps; t++) {
                    multiplyAccumulate(d, shifted[t], sums[t]);
                }
                add(d, sums[taps]);
            }
            if (inputGradient != null) {
                inputGradient(n, weights, inputGradient);
            }
        }
        for (int o = 0; o < filters; o++) {
            for (int t = 0; t < taps; t++) {
                weightGradient[o * taps + t] = sum(partial[o][t]);
            }
            biasGradient[o] = sum(partial[o][taps]);
        }
    }

    /** The transposed convolution for image {@code n}, from its widened output gradients: each tap's share, then placed. */
    private void inputGradient(int n, float[] weights, float[] inputGradient) {
        Arrays.fill(paddedGradient, 0f);
        for (int t = 0; t < taps; t++) {
            Arrays.fill(acc, 0f);
            for (int o = 0; o < filters; o++) {
                multiplyAdd(weights[o * taps + t], widened[o], acc);
            }
            int at = tapOffset(t);
            for (int i = 0; i < span; i++) {
                paddedGradient[at + i] += acc[i];
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(paddedGradient, c * plane + (y + padTop) * wide + padLeft,
                        inputGradient, ((n * channels + c) * height + y) * width, width);
            }
        }
    }

    /** Where tap {@code t} (channel, row, column of the kernel) starts reading in one image's padded planes. */
    private int tapOffset(int t) {
        int c = t / (kernelHeight * kernelWidth);
        int k = t % (kernelHeight * kernelWidth);
        return c * plane + (k / kernelWidth) * wide + k % kernelWidth;
    }

    private void shift(int n) {
        for (int t = 0; t < taps; t++) {
            System.arraycopy(padded, n * channels * plane + tapOffset(t), shifted[t], 0, span);
        }
    }

    private void pad(float[] input) {
        int length = batch * channels * plane;
        if (padded.length < length) {
            padded = new float[length];
        }
        Arrays.fill(padded, 0, length, 0f);
        // Output column x reads input column x + kx - padLeft; columns and rows past the padded plane stay unread.
        int copyWidth = Math.min(width, wide - padLeft);
        int rows = Math.min(height, outHeight + kernelHeight - 1 - padTop);
        for (int p = 0; p < batch * channels; p++) {
            for (int y = 0; y < rows; y++) {
                System.arraycopy(input, (p * height + y) * width, padded, p * plane + (y + padTop) * wide + padLeft, copyWidth);
            }
        }
    }

    /** One output plane's gradient laid out in wide rows, zero in the columns no output has. */
    private void widen(float[] delta, int from, float[] d) {
        Arrays.fill(d, 0f);
        for (int y = 0; y < outHeight; y++) {
            System.arraycopy(delta, from + y * outWidth, d, y * wide, outWidth);
        }
    }

    // JDK 17 vectorizes these loops only while every array is indexed alike: hence the shifted copies above.
    private static void multiplyAdd(float w, float[] source, float[] acc) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] = Math.fma(w, source[i], acc[i]);
        }
    }

    private static void multiplyAccumulate(float[] d, float[] source, float[] acc) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] = Math.fma(d[i], source[i], acc[i]);
        }
    }

    private static void add(float[] d, float[] acc) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += d[i];
        }
    }

    /** Sums one run of partial sums as eight interleaved lanes, which keeps the adds independent. */
    private static float sum(float[] values) {
        float[] lanes = new float[8];
        int i = 0;
        for (; i + 8 <= values.length; i += 8) {
            for (int l = 0; l < 8; l++) {
                lanes[l] += values[i + l];
            }
        }
        float total = 0;
        for (; i < values.length; i++) {
            total += values[i];
        }
        for (float lane : lanes) {
            total += lane;
        }
        return total;
    }
}
