package dev.sweep.arch;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

/**
 * Runs a convolution layer that reads at most {@link #MAX_CHANNELS} channels (an image's first layer) through
 * {@link FewChannelConvolution} instead of oneDNN.
 *
 * <p>oneDNN 1.4 computes such a layer fast but in its blocked layout: every call reorders the output (and, backwards,
 * the gradient twice) between DL4J's NCHW and that layout. For seed 001's cnn the first layer took 15 ms of a 57 ms
 * step under {@code DNNL_VERBOSE}, 7 of them in reorders of its 64x32x28x28 output and 3.5 in an input gradient
 * for a single channel. With one input channel a 3x3 layer is 9 multiply-adds per output, which plain vectorized
 * loops do in NCHW directly. Strides other than 1, dilation, NHWC and other data types keep oneDNN: this helper
 * declines them and the layer's own helper runs.
 */
final class FewChannelConvolutionHelper implements ConvolutionHelper {
    static final int MAX_CHANNELS = 4;
    /**
     * 64 MB of scratch: a 28x28 image's first layer needs 1-3 MB, while 64 filters over a 224x224 colour image would
     * need 370 MB of partial sums; such layers are left to oneDNN, where their compute outweighs the reorders anyway.
     */
    static final long MAX_SCRATCH_FLOATS = 16L << 20;

    private final ConvolutionHelper declined;
    private final boolean hasBias;
    private FewChannelConvolution convolution;
    private float[] input = new float[0];
    private float[] output = new float[0];
    private float[] delta = new float[0];
    private float[] gradientAtInput = new float[0];

    /** @param declined the helper that runs the calls this one declines (DL4J's oneDNN helper), or null for DL4J's own path */
    FewChannelConvolutionHelper(ConvolutionHelper declined, boolean hasBias) {
        this.declined = declined;
        this.hasBias = hasBias;
    }

    /** True for the layers this helper is meant for: few input channels, stride 1, no dilation, NCHW. */
    static boolean suits(ConvolutionLayer layer) {
        return layer.getNIn() <= MAX_CHANNELS && layer.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && Arrays.equals(layer.getStride(), new int[]{1, 1}) && Arrays.equals(layer.getDilation(), new int[]{1, 1});
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray preOutput(INDArray in, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
                              ConvolutionLayer.AlgoMode mode, ConvolutionLayer.FwdAlgo fwdAlgo, ConvolutionMode convolutionMode,
                              int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        int[] out = handles(in, weights, strides, dilation, format) ? ConvolutionUtils.getOutputSize(in, kernel, strides,
                convolutionMode == ConvolutionMode.Same ? null : pad, convolutionMode, dilation, format) : null;
        if (out == null || !small(weights, out)) {
            return declined == null ? null : declined.preOutput(in, weights, bias, kernel, strides, pad, mode, fwdAlgo,
                    convolutionMode, dilation, format, workspaceMgr);
        }
        FewChannelConvolution conv = convolution(in, weights, pad, out);
        input = read(in, input, conv.inputLength());
        output = grow(output, conv.outputLength());
        conv.forward(input, floats(weights), floats(bias), output);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[]{in.size(0), weights.size(0), out[0], out[1]}, 'c');
        new FloatPointer(result.data().addressPointer()).put(output, 0, conv.outputLength());
        return result;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray in, INDArray weights, INDArray bias, INDArray epsilon, int[] kernel,
                                                     int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView,
                                                     IActivation afn, ConvolutionLayer.AlgoMode mode,
                                                     ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
                                                     ConvolutionLayer.BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
                                                     int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        int[] out = {(int) epsilon.size(2), (int) epsilon.size(3)};
        if (!handles(in, weights, strides, dilation, format) || epsilon.dataType() != DataType.FLOAT || !small(weights, out)) {
            return declined == null ? null : declined.backpropGradient(in, weights, bias, epsilon, kernel, strides, pad,
                    biasGradView, weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format,
                    workspaceMgr);
        }
        if (convolutionMode == ConvolutionMode.Same) {
            // As DL4J's helpers do: the layer hands over the forward pass's padding, recomputed here from the sizes.
            pad = ConvolutionUtils.getSameModeTopLeftPadding(out, new int[]{(int) in.size(2), (int) in.size(3)}, kernel, strides,
                    dilation);
        }
        FewChannelConvolution conv = convolution(in, weights, pad, out);
        input = read(in, input, conv.inputLength());
        delta = read(epsilon, delta, conv.outputLength());
        gradientAtInput = grow(gradientAtInput, conv.inputLength());
        float[] weightGradient = new float[(int) weights.length()];
        float[] biasGradient = new float[conv.filters];
        conv.backward(input, floats(weights), delta, weightGradient, biasGradient, gradientAtInput);

        write(weightGradient, weightGradView);
        INDArray atInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, in.shape(), 'c');
        new FloatPointer(atInput.data().addressPointer()).put(gradientAtInput, 0, conv.inputLength());
        Gradient gradient = new DefaultGradient();
        if (hasBias) {
            write(biasGradient, biasGradView);
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        return new Pair<>(gradient, atInput);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return afn.getActivation(z, training);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }

    private static boolean handles(INDArray in, INDArray weights, int[] strides, int[] dilation, CNN2DFormat format) {
        return in.dataType() == DataType.FLOAT && weights.dataType() == DataType.FLOAT && format == CNN2DFormat.NCHW
                && in.rank() == 4 && in.size(1) <= MAX_CHANNELS
                && strides[0] == 1 && strides[1] == 1 && dilation[0] == 1 && dilation[1] == 1;
    }

    private static boolean small(INDArray weights, int[] out) {
        return FewChannelConvolution.scratchFloats((int) weights.size(1), (int) weights.size(0), (int) weights.size(2),
                (int) weights.size(3), out[0], out[1]) <= MAX_SCRATCH_FLOATS;
    }

    private FewChannelConvolution convolution(INDArray in, INDArray weights, int[] pad, int[] out) {
        int batch = (int) in.size(0);
        int height = (int) in.size(2);
        int width = (int) in.size(3);
        if (convolution == null || convolution.channels != in.size(1) || convolution.filters != weights.size(0)
                || convolution.kernelHeight != weights.size(2) || convolution.kernelWidth != weights.size(3)
                || !convolution.fits(batch, height, width, pad[0], pad[1], out[0], out[1])) {
            convolution = new FewChannelConvolution(batch, (int) in.size(1), height, width, (int) weights.size(0),
                    (int) weights.size(2), (int) weights.size(3), pad[0], pad[1], out[0], out[1]);
        }
        return convolution;
    }

    /** The array's floats in C order, copied in one run when the array is one run already. */
    private static float[] read(INDArray array, float[] into, int length) {
        INDArray run = oneRun(array) ? array : array.dup('c');
        float[] values = grow(into, length);
        new FloatPointer(run.data().addressPointer()).get(values, 0, length);
        return values;
    }

    private static float[] floats(INDArray array) {
        float[] values = new float[(int) array.length()];
        return read(array, values, values.length);
    }

    private static void write(float[] values, INDArray view) {
        if (oneRun(view)) {
            new FloatPointer(view.data().addressPointer()).put(values, 0, values.length);
        } else {
            view.assign(Nd4j.create(values, view.shape(), 'c'));
        }
    }

    private static boolean oneRun(INDArray array) {
        return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) && array.elementWiseStride() == 1;
    }

    private static float[] grow(float[] array, int length) {
        return array.length >= length ? array : new float[length];
    }
}
