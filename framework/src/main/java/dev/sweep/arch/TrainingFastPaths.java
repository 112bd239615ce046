package dev.sweep.arch;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.lang.reflect.Field;

/**
 * Puts a network's max-pooling layers on {@link LibNd4jMaxPooling}, once it is built or reloaded. DL4J chooses a
 * layer's helper when it creates the layer and offers no setting for it, so the field is set directly.
 */
final class TrainingFastPaths {
    private static final Field HELPER = helperField();

    private TrainingFastPaths() {
    }

    static void install(MultiLayerNetwork network) {
        install(network.getLayers());
    }

    static void install(ComputationGraph graph) {
        install(graph.getLayers());
    }

    private static void install(Layer[] layers) {
        for (Layer layer : layers) {
            if (layer instanceof SubsamplingLayer pooling
                    && ((org.deeplearning4j.nn.conf.layers.SubsamplingLayer) pooling.conf().getLayer()).getPoolingType() == PoolingType.MAX) {
                try {
                    HELPER.set(pooling, new LibNd4jMaxPooling());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set the pooling path of layer " + pooling.getIndex(), e);
                }
            }
        }
    }

    private static Field helperField() {
        try {
            Field field = SubsamplingLayer.class.getDeclaredField("helper");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("DL4J's SubsamplingLayer has no helper field: is DL4J still 1.0.0-beta7? " + e);
        }
    }
}
