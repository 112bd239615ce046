package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.ConvolutionMode;

import java.util.ArrayList;
import java.util.List;

import static dev.sweep.space.ParameterDeclaration.intParam;

/**
 * LeNet-5 on 28x28 images zero-padded to 32x32, as seed 002 builds it: C1 conv5x5x6, pool, C3 conv5x5x16, pool,
 * C5 conv5x5x120 (which sees a 5x5 map, so it is the first fully connected layer), F6 dense 84, output 10; 61,706
 * parameters. Seed 003's variants are knobs: {@code activation: tanh}, {@code extra_conv_filters: 50} (a fourth
 * convolution) and {@code dense_layers: 0} (two fully connected layers, C5 and the output, instead of three).
 */
public final class LeNet5 implements Architecture {
    private static final int KERNEL = 5;
    private static final int PADDED_SIDE = 32;
    private static final int[] DEFAULT_UNITS = {84, 84};

    @Override
    public String name() {
        return "lenet5";
    }

    @Override
    public String description() {
        return "seed 002's LeNet-5 on 32x32 zero-padded input: conv5x5x6, pool, conv5x5x16, pool, conv5x5x120, dense 84, 10";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(intParam("filters_1", 6, 1, ConvLayers.MAX_FILTERS, "filters of C1, the first 5x5 convolution"));
        declarations.add(intParam("filters_2", 16, 1, ConvLayers.MAX_FILTERS, "filters of C3, the second 5x5 convolution"));
        declarations.add(intParam("filters_3", 120, 1, 2048, "filters of C5, the 5x5 convolution over the 5x5 map"));
        declarations.add(intParam("extra_conv_filters", 0, 0, ConvLayers.MAX_FILTERS,
                "filters of an extra 3x3 same-padded convolution after C3, before its pooling (seed 003 used 50); 0 for none"));
        declarations.addAll(ConvLayers.sharedKnobs(1, DEFAULT_UNITS));
        return declarations;
    }

    @Override
    public Network build(NetworkRequest request) {
        HyperParameters p = request.parameters();
        // Smaller pictures are padded to LeNet-5's 32x32, as MNIST's 28x28 digits were; larger ones keep their size.
        ConvStack stack = new ConvStack(name(), request.base().list(), p, request.input(), null).padTo(PADDED_SIDE);
        stack.convolution(p.getInt("filters_1"), KERNEL, ConvolutionMode.Truncate).poolAndDrop();
        stack.convolution(p.getInt("filters_2"), KERNEL, ConvolutionMode.Truncate);
        if (p.getInt("extra_conv_filters") > 0) {
            stack.convolution(p.getInt("extra_conv_filters"), 3, ConvolutionMode.Same);
        }
        stack.poolAndDrop().convolution(p.getInt("filters_3"), KERNEL, ConvolutionMode.Truncate);
        return ConvLayers.finish(request, stack.layers(), DEFAULT_UNITS);
    }
}
