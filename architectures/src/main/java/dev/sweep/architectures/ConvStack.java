package dev.sweep.architectures;

import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.NetworkRequest;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.nd4j.linalg.activations.Activation;

import java.util.Optional;

/**
 * Convolutions and poolings added to a layer list, following the size of the map each one sees. The same stack tells
 * {@code inputProblem} that pictures are too small and builds the network, so the two cannot disagree; DL4J would
 * only say so in a configuration exception naming a layer index.
 */
final class ConvStack {
    private final String architecture;
    private final NeuralNetConfiguration.ListBuilder layers;
    private final HyperParameters p;
    private final ImageShape input;
    private final String fix;
    private int height;
    private int width;
    private int convolutions;
    private int poolings;
    private String problem;

    /** @param fix what to change when the pictures are too small, besides the pictures themselves; null for nothing */
    ConvStack(String architecture, NeuralNetConfiguration.ListBuilder layers, HyperParameters p, ImageShape input,
              String fix) {
        this.architecture = architecture;
        this.layers = layers;
        this.p = p;
        this.input = input;
        this.fix = fix;
        this.height = input.height();
        this.width = input.width();
    }

    NeuralNetConfiguration.ListBuilder layers() {
        return layers;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Zero padding to at least {@code side} x {@code side}, centred, as LeNet-5 pads MNIST's 28x28 to its 32x32. */
    ConvStack padTo(int side) {
        int rows = Math.max(0, side - height);
        int columns = Math.max(0, side - width);
        layers.layer(new ZeroPaddingLayer.Builder(rows / 2, rows - rows / 2, columns / 2,
                columns - columns / 2).build());
        height += rows;
        width += columns;
        return this;
    }

    /**
     * A convolution and its activation, with batch normalization between them when {@code batch_norm} is set (the
     * convolution then has no bias: batch normalization's shift makes it redundant).
     */
    ConvStack convolution(int filters, int kernel, ConvolutionMode mode) {
        convolutions++;
        // DL4J's Same mode, unlike PyTorch's and Keras' padding, refuses a kernel larger than its map.
        if (height < kernel || width < kernel) {
            tooSmall("convolution " + convolutions + " (" + kernel + "x" + kernel + ")", kernel);
        }
        if (mode == ConvolutionMode.Truncate) {
            height = Math.max(1, height - kernel + 1);
            width = Math.max(1, width - kernel + 1);
        }
        Activation activation = Layers.activation(p);
        ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(kernel, kernel).nOut(filters).convolutionMode(mode);
        if (p.getBoolean("batch_norm")) {
            layers.layer(conv.activation(Activation.IDENTITY).hasBias(false).build());
            layers.layer(new BatchNormalization.Builder().build());
            layers.layer(new ActivationLayer.Builder().activation(activation).build());
        } else {
            layers.layer(conv.activation(activation).build());
        }
        return this;
    }

    /** 2x2 pooling with stride 2, then {@code conv_dropout} if it is above 0. */
    ConvStack poolAndDrop() {
        poolings++;
        if (height < 2 || width < 2) {
            tooSmall("pooling " + poolings + " (2x2)", 2);
        }
        height = Math.max(1, height / 2);
        width = Math.max(1, width / 2);
        SubsamplingLayer.PoolingType type = switch (p.getString("pooling")) {
            case "max" -> SubsamplingLayer.PoolingType.MAX;
            case "avg" -> SubsamplingLayer.PoolingType.AVG;
            default -> throw new IllegalArgumentException("unknown pooling " + p.getString("pooling"));
        };
        layers.layer(new SubsamplingLayer.Builder(type).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate).build());
        double dropRate = p.getDouble("conv_dropout");
        if (dropRate > 0) {
            layers.layer(new DropoutLayer.Builder(NetworkRequest.keepProbability(dropRate)).build());
        }
        return this;
    }

    private void tooSmall(String layer, int needs) {
        if (problem == null) {
            problem = architecture + ": " + input.height() + "x" + input.width() + " pictures shrink to a " + height + "x"
                    + width + " map before " + layer + ", which needs at least " + needs + "x" + needs + ". Fix: give larger "
                    + "pictures (the dataset's height and width)" + (fix == null ? "" : ", or " + fix) + ".";
        }
    }
}
