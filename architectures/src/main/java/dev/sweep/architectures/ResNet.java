package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.nd4j.linalg.activations.Activation;

import java.util.ArrayList;
import java.util.List;

import static dev.sweep.space.ParameterDeclaration.booleanParam;
import static dev.sweep.space.ParameterDeclaration.choiceParam;
import static dev.sweep.space.ParameterDeclaration.intParam;

/**
 * A residual network with batch normalization, as a ComputationGraph: a stem, stages of residual blocks (each stage
 * after the first halves the image with stride 2 and doubles the width), global average pooling and softmax.
 *
 * <p>The default is the peers' small ResNet: 3x3 stem of 32, three stages of two basic blocks (32, 64, 128), 698,282
 * parameters (PyTorch counts 696,042; DL4J also counts batch normalization's running mean and variance). Seed 000's
 * ResNet50 at 32x32 is {@code block: bottleneck, stem: imagenet, width: 64, stages: 4, blocks_1: 3, blocks_2: 4,
 * blocks_3: 6, blocks_4: 3, pad_to_32: true}: Keras' ResNet50 layout (stride on the first 1x1 of a block), without
 * the convolution biases that batch normalization makes redundant.
 */
public final class ResNet implements Architecture {
    private static final int MAX_STAGES = 4;
    private static final int BOTTLENECK_EXPANSION = 4;

    @Override
    public String name() {
        return "resnet";
    }

    @Override
    public String description() {
        return "residual network with batch norm (ComputationGraph); default 3x3 stem of 32, stages of 2 basic blocks at 32, 64, 128";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(choiceParam("block", "basic", List.of("basic", "bottleneck"),
                "basic: two 3x3 convolutions; bottleneck: 1x1, 3x3, 1x1 with 4x wider output (ResNet50)"));
        declarations.add(choiceParam("stem", "small", List.of("small", "imagenet"),
                "small: 3x3 convolution, stride 1; imagenet: 7x7 stride 2 and 3x3 max-pool stride 2 (ResNet50)"));
        declarations.add(intParam("width", 32, 4, 64, "channels of the stem and the first stage; each later stage doubles them"));
        declarations.add(intParam("stages", 3, 1, MAX_STAGES, "stages of residual blocks"));
        declarations.add(intParam("blocks_per_stage", 2, 1, 8, "residual blocks in every stage (blocks_N overrides stage N)"));
        for (int i = 1; i <= MAX_STAGES; i++) {
            declarations.add(intParam("blocks_" + i, null, 1, 8, "residual blocks in stage " + i));
        }
        declarations.add(booleanParam("pad_to_32", false, "zero-pad 28x28 images to 32x32 first, as seed 000 resized for ResNet50"));
        declarations.add(Layers.activation("relu"));
        return declarations;
    }

    @Override
    public Network build(NetworkRequest request) {
        HyperParameters p = request.parameters();
        ImageShape input = request.input();
        // Explicit padding, not ConvolutionMode.Same: DL4J's Same mode rejects a 3x3 kernel on the 1x1 or 2x2 maps
        // of late stages, which PyTorch and Keras pad and accept.
        GraphBuilder graph = request.base().convolutionMode(ConvolutionMode.Truncate).graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
        Blocks blocks = new Blocks(graph, Layers.activation(p));
        String last = "input";
        if (p.getBoolean("pad_to_32")) {
            int rows = Math.max(0, 32 - input.height());
            int columns = Math.max(0, 32 - input.width());
            graph.addLayer("pad", new ZeroPaddingLayer.Builder(rows / 2, rows - rows / 2, columns / 2, columns - columns / 2).build(), last);
            last = "pad";
        }
        int width = p.getInt("width");
        if (p.getString("stem").equals("imagenet")) {
            last = blocks.convBnActivation("stem", last, width, 7, 2);
            graph.addLayer("stem_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(3, 3).stride(2, 2).padding(1, 1).build(), last);
            last = "stem_pool";
        } else {
            last = blocks.convBnActivation("stem", last, width, 3, 1);
        }
        int channels = width;
        boolean bottleneck = p.getString("block").equals("bottleneck");
        for (int stage = 1; stage <= p.getInt("stages"); stage++) {
            int inner = width << (stage - 1);
            int out = bottleneck ? inner * BOTTLENECK_EXPANSION : inner;
            int count = p.getInt("blocks_" + stage, "blocks_per_stage", 2);
            for (int block = 1; block <= count; block++) {
                int stride = stage > 1 && block == 1 ? 2 : 1;
                String name = "s" + stage + "b" + block;
                last = bottleneck
                        ? blocks.bottleneck(name, last, channels, inner, out, stride)
                        : blocks.basic(name, last, channels, out, stride);
                channels = out;
            }
        }
        graph.addLayer("avg_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        graph.addLayer("output", Layers.softmax(input.classes(), 0), "avg_pool");
        graph.setOutputs("output");
        return request.network(graph.build());
    }

    /** Adds named layers to the graph; each method returns the name of its last vertex. */
    private record Blocks(GraphBuilder graph, Activation activation) {

        String convBn(String name, String from, int filters, int kernel, int stride) {
            int padding = kernel / 2; // with stride s, an n-pixel side becomes ceil(n / s), as in PyTorch
            graph.addLayer(name, new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).padding(padding, padding).nOut(filters)
                    .activation(Activation.IDENTITY).hasBias(false).build(), from);
            graph.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
            return name + "_bn";
        }

        String activate(String name, String from) {
            graph.addLayer(name, new ActivationLayer.Builder().activation(activation).build(), from);
            return name;
        }

        String convBnActivation(String name, String from, int filters, int kernel, int stride) {
            return activate(name + "_act", convBn(name, from, filters, kernel, stride));
        }

        String basic(String name, String from, int in, int out, int stride) {
            String x = convBnActivation(name + "_c1", from, out, 3, stride);
            x = convBn(name + "_c2", x, out, 3, 1);
            return join(name, x, shortcut(name, from, in, out, stride));
        }

        String bottleneck(String name, String from, int in, int inner, int out, int stride) {
            String x = convBnActivation(name + "_c1", from, inner, 1, stride);
            x = convBnActivation(name + "_c2", x, inner, 3, 1);
            x = convBn(name + "_c3", x, out, 1, 1);
            return join(name, x, shortcut(name, from, in, out, stride));
        }

        /** The identity when shapes match, else a strided 1x1 projection, as in the ResNet paper's option B. */
        private String shortcut(String name, String from, int in, int out, int stride) {
            return stride == 1 && in == out ? from : convBn(name + "_proj", from, out, 1, stride);
        }

        private String join(String name, String residual, String shortcut) {
            graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), residual, shortcut);
            return activate(name + "_out", name + "_add");
        }
    }
}
