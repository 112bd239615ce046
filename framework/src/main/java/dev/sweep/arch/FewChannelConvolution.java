package dev.sweep.arch;

import java.util.Arrays;

/**
 * A stride-1 convolution over few input channels, in loops the JIT vectorizes: the arithmetic of
 * {@link FewChannelConvolutionHelper}, on plain float arrays in NCHW order.
 *
 * <p>For each image, every kernel tap (channel, row, column) gets its own copy of the input as that tap sees it: the
 * plane shifted by the tap's offset, laid out like an output plane, zero where the tap falls on padding. One tap's
 * share of an output plane, or of the weight gradient, is then a single multiply-add over {@code outH * outW}
 * floats with every array indexed alike, which is the only form JDK 17 vectorizes. The weight gradient gathers
 * per-tap partial sums that way and adds them up at the end, because the JIT would not vectorize a float reduction;
 * the sums run in another order than oneDNN's, so results agree with it to rounding, not to the bit.
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
    private final int taps;
    private final int outPlane;

    /** The current image as each tap sees it. */
    private final float[][] shifted;
    private final float[] acc;
    /** The current image's output gradient, one plane per filter; made by the first backward pass. */
    private float[][] deltas;
    /** Per filter, per tap (and one for the bias): partial sums of the weight gradient over the batch. */
    private float[][][] partial;

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
        this.taps = channels * kernelHeight * kernelWidth;
        this.outPlane = outHeight * outWidth;
        this.shifted = new float[taps][outPlane];
        this.acc = new float[outPlane];
    }

    /**
     * The floats of scratch space a backward pass over these sizes needs, one output plane each: a shifted copy per tap,
     * the accumulator, and per filter its output gradient and partial sums per tap and for the bias.
     */
    static long scratchFloats(int channels, int filters, int kernelHeight, int kernelWidth, int outHeight, int outWidth) {
        long taps = (long) channels * kernelHeight * kernelWidth;
        return (taps + 1 + filters * (taps + 2)) * outHeight * outWidth;
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
        return batch * filters * outPlane;
    }

    /**
     * {@code output[n][o][y][x] = bias[o] + sum over c, ky, kx of weights[o][c][ky][kx] * input[n][c][y + ky - padTop][x + kx - padLeft]},
     * zero outside the image.
     */
    void forward(float[] input, float[] weights, float[] bias, float[] output) {
        for (int n = 0; n < batch; n++) {
            shift(input, n);
            for (int o = 0; o < filters; o++) {
                Arrays.fill(acc, bias[o]);
                for (int t = 0; t < taps; t++) {
                    multiplyAdd(weights[o * taps + t], shifted[t], acc);
                }
                System.arraycopy(acc, 0, output, (n * filters + o) * outPlane, outPlane);
            }
        }
    }

    /**
     * The gradients of {@link #forward} given {@code delta}, the loss's gradient at its output: into {@code weightGradient}
     * ([filters][channels][kH][kW]), {@code biasGradient} ([filters]) and {@code inputGradient} (the input's shape).
     */
    void backward(float[] input, float[] weights, float[] delta, float[] weightGradient, float[] biasGradient,
                  float[] inputGradient) {
        if (partial == null) {
            deltas = new float[filters][outPlane];
            partial = new float[filters][taps + 1][outPlane];
        }
        for (float[][] sums : partial) {
            for (float[] run : sums) {
                Arrays.fill(run, 0f);
            }
        }
        Arrays.fill(inputGradient, 0, inputLength(), 0f);
        for (int n = 0; n < batch; n++) {
            shift(input, n);
            for (int o = 0; o < filters; o++) {
                float[] d = deltas[o];
                System.arraycopy(delta, (n * filters + o) * outPlane, d, 0, outPlane);
                float[][] sums = partial[o];
                for (int t = 0; t < taps; t++) {
                    multiplyAccumulate(d, shifted[t], sums[t]);
                }
                add(d, sums[taps]);
            }
            inputGradient(n, weights, inputGradient);
        }
        for (int o = 0; o < filters; o++) {
            for (int t = 0; t < taps; t++) {
                weightGradient[o * taps + t] = sum(partial[o][t]);
            }
            biasGradient[o] = sum(partial[o][taps]);
        }
    }

    /** The transposed convolution for image {@code n}: each tap's share of all filters, added back where the tap read. */
    private void inputGradient(int n, float[] weights, float[] inputGradient) {
        for (int t = 0; t < taps; t++) {
            Arrays.fill(acc, 0f);
            for (int o = 0; o < filters; o++) {
                multiplyAdd(weights[o * taps + t], deltas[o], acc);
            }
            int c = t / (kernelHeight * kernelWidth);
            int ky = t / kernelWidth % kernelHeight;
            int kx = t % kernelWidth;
            int from = firstColumn(kx);
            int to = endColumn(kx);
            for (int y = 0; y < outHeight; y++) {
                int inputRow = y + ky - padTop;
                if (inputRow < 0 || inputRow >= height) {
                    continue;
                }
                int target = ((n * channels + c) * height + inputRow) * width + kx - padLeft;
                int source = y * outWidth;
                for (int x = from; x < to; x++) {
                    inputGradient[target + x] += acc[source + x];
                }
            }
        }
    }

    /** Fills {@link #shifted} for image {@code n}: row y, column x of tap (c, ky, kx) is input[n][c][y + ky - padTop][x + kx - padLeft]. */
    private void shift(float[] input, int n) {
        for (int t = 0; t < taps; t++) {
            int c = t / (kernelHeight * kernelWidth);
            int ky = t / kernelWidth % kernelHeight;
            int kx = t % kernelWidth;
            int from = firstColumn(kx);
            int to = endColumn(kx);
            float[] s = shifted[t];
            for (int y = 0; y < outHeight; y++) {
                int inputRow = y + ky - padTop;
                int row = y * outWidth;
                if (inputRow < 0 || inputRow >= height || from >= to) {
                    Arrays.fill(s, row, row + outWidth, 0f);
                    continue;
                }
                Arrays.fill(s, row, row + from, 0f);
                System.arraycopy(input, ((n * channels + c) * height + inputRow) * width + from + kx - padLeft, s, row + from, to - from);
                Arrays.fill(s, row + to, row + outWidth, 0f);
            }
        }
    }

    /** The first output column whose tap column {@code kx} reads inside the image. */
    private int firstColumn(int kx) {
        return Math.max(0, padLeft - kx);
    }

    /** One past the last output column whose tap column {@code kx} reads inside the image. */
    private int endColumn(int kx) {
        return Math.max(firstColumn(kx), Math.min(outWidth, width + padLeft - kx));
    }

    // JDK 17 vectorizes these loops only with every array indexed alike, one source per loop: hence the copies above.
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
