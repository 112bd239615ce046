package dev.sweep.arch;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

final class MultiLayerNetworkAdapter implements Network {
    private final MultiLayerNetwork network;

    MultiLayerNetworkAdapter(MultiLayerNetwork network) {
        this.network = network;
    }

    @Override
    public void fit(INDArray features, INDArray labels) {
        network.fit(features, labels);
    }

    @Override
    public INDArray output(INDArray features) {
        return network.output(features, false);
    }

    @Override
    public long largestActivationPerExample(INDArray oneExample) {
        return network.feedForward(oneExample, false).stream().mapToLong(INDArray::length).max().orElse(0);
    }

    @Override
    public void endEpoch() {
        network.incrementEpochCount();
    }

    @Override
    public double lastLoss() {
        return network.score();
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public Format format() {
        return Format.MULTI_LAYER;
    }

    @Override
    public Model model() {
        return network;
    }
}
