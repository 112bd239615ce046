package dev.sweep.arch;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

final class ComputationGraphAdapter implements Network {
    private final ComputationGraph graph;

    ComputationGraphAdapter(ComputationGraph graph) {
        this.graph = graph;
    }

    @Override
    public void fit(INDArray features, INDArray labels) {
        graph.fit(new INDArray[]{features}, new INDArray[]{labels});
    }

    @Override
    public INDArray output(INDArray features) {
        return graph.outputSingle(false, features);
    }

    @Override
    public long largestActivationPerExample(INDArray oneExample) {
        return graph.feedForward(oneExample, false).values().stream().mapToLong(INDArray::length).max().orElse(0);
    }

    @Override
    public void endEpoch() {
        graph.incrementEpochCount();
    }

    @Override
    public double lastLoss() {
        return graph.score();
    }

    @Override
    public long parameterCount() {
        return graph.numParams();
    }

    @Override
    public Format format() {
        return Format.GRAPH;
    }

    @Override
    public Model model() {
        return graph;
    }
}
