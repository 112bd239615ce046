package dev.sweep.arch;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Max pooling through libnd4j's own {@code maxpool2d} and {@code maxpool2d_bp}, with native helpers disallowed for
 * these two ops only.
 *
 * <p>beta7's oneDNN 1.4 runs max pooling in its reference {@code simple_nchw} kernel: 10 ms per forward call of seed
 * 001's cnn against 2.8 ms for a convolution, 37% of a training step. libnd4j's loops give the same numbers, bit for
 * bit, 1.42-1.50x faster per step. Convolutions keep oneDNN, which is essential for them; average pooling is left to
 * the layer's own path (this helper declines it).
 */
final class LibNd4jMaxPooling implements SubsamplingHelper {
    private final OpContext forward = Nd4j.getExecutioner().buildContext();
    private final OpContext backward = Nd4j.getExecutioner().buildContext();
    private final DynamicCustomOp pool = DynamicCustomOp.builder("maxpool2d").build();
    private final DynamicCustomOp poolBackward = DynamicCustomOp.builder("maxpool2d_bp").build();

    LibNd4jMaxPooling() {
        forward.allowHelpers(false);
        backward.allowHelpers(false);
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray activate(INDArray input, boolean training, int[] kernel, int[] strides, int[] pad, PoolingType poolingType,
                             ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (poolingType != PoolingType.MAX) {
            return null;
        }
        boolean same = convolutionMode == ConvolutionMode.Same;
        // The layer hands over Same mode's top-left padding already; the output size is computed as the layer does.
        int[] out = ConvolutionUtils.getOutputSize(input, kernel, strides, same ? null : pad, convolutionMode, dilation, format);
        long[] shape = format == CNN2DFormat.NCHW ? new long[]{input.size(0), input.size(1), out[0], out[1]}
                : new long[]{input.size(0), out[0], out[1], input.size(3)};
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), shape, 'c');
        run(pool, forward, new INDArray[]{input}, output, kernel, strides, pad, dilation, same, format);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, int[] kernel, int[] strides, int[] pad,
                                                     PoolingType poolingType, ConvolutionMode convolutionMode, int[] dilation,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (poolingType != PoolingType.MAX) {
            return null;
        }
        INDArray atInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        run(poolBackward, backward, new INDArray[]{input, epsilon}, atInput, kernel, strides, pad, dilation,
                convolutionMode == ConvolutionMode.Same, format);
        return new Pair<>(new DefaultGradient(), atInput);
    }

    /** The integer arguments are those DL4J's own pooling path passes to the same ops. */
    private static void run(DynamicCustomOp op, OpContext context, INDArray[] inputs, INDArray output, int[] kernel, int[] strides,
                            int[] pad, int[] dilation, boolean same, CNN2DFormat format) {
        context.purge();
        context.setIArguments(kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
                same ? 1 : 0, 0, format == CNN2DFormat.NCHW ? 0 : 1);
        for (int i = 0; i < inputs.length; i++) {
            context.setInputArray(i, inputs[i]);
        }
        context.setOutputArray(0, output);
        Nd4j.exec(op, context);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }
}
