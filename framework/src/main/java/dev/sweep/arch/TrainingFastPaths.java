package dev.sweep.arch;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.learning.AdamUpdater;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Puts a network's max-pooling layers on {@link LibNd4jMaxPooling}, its convolutions over few channels on
 * {@link FewChannelConvolutionHelper}, its plain ReLUs on {@link ReluBackpropByMask} and
 * its Adam steps on {@link VectorizedAdam}, once it is built or reloaded. DL4J chooses a layer's helper when it
 * creates the layer and offers no setting for it, so the field is set directly; the activation lives in the layer's
 * configuration, which a saved model writes out, so {@link #asDeclared} puts DL4J's own back while a model is written:
 * a model zip names only DL4J's classes. The Adam step is swapped in the updater, not in the configuration.
 *
 * <p>All of it, and the fast L2 of {@link NetworkRequest}, is off with {@code -Dsweep.accel=off} or
 * {@code SWEEP_ACCEL=off}: plain DL4J, for comparing or for a DL4J whose private fields have moved. A field that cannot
 * be found or set warns once and leaves that layer on DL4J's own path.
 */
public final class TrainingFastPaths {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainingFastPaths.class);
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final Field POOLING_HELPER = helperField(SubsamplingLayer.class);
    private static final Field CONVOLUTION_HELPER = helperField(ConvolutionLayer.class);

    private TrainingFastPaths() {
    }

    /** Whether the fast paths go into the networks built or loaded from now on; read each time, so a test can switch. */
    public static boolean enabled() {
        String setting = System.getProperty("sweep.accel", System.getenv("SWEEP_ACCEL"));
        return setting == null || !setting.strip().equalsIgnoreCase("off");
    }

    private static void warnOnce(String what, Throwable cause) {
        if (WARNED.add(what)) {
            LOG.warn("sweep: {} ({}); that layer keeps DL4J's own path, only slower. -Dsweep.accel=off turns every fast path off",
                    what, cause.toString());
        }
    }

    static void install(MultiLayerNetwork network) {
        if (!enabled()) {
            return;
        }
        install(network.getLayers());
        vectorizeAdam((BaseMultiLayerUpdater<?>) network.getUpdater());
    }

    static void install(ComputationGraph graph) {
        if (!enabled()) {
            return;
        }
        install(graph.getLayers());
        vectorizeAdam(graph.getUpdater());
    }

    /**
     * Gives every block of parameters that DL4J's Adam updates a {@link VectorizedAdam} over the same state. Asking
     * for the updater creates it as the first fit would, or finds the one a reloaded model came with.
     */
    private static void vectorizeAdam(BaseMultiLayerUpdater<?> updater) {
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            if (block.getGradientUpdater().getClass() == AdamUpdater.class) {
                block.setGradientUpdater(new VectorizedAdam((AdamUpdater) block.getGradientUpdater()));
            }
        }
    }

    private static void install(Layer[] layers) {
        for (Layer layer : layers) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (ReluBackpropByMask.replaces(activation(conf))) {
                setActivation(conf, new ReluBackpropByMask());
            }
            if (layer instanceof SubsamplingLayer pooling
                    && ((org.deeplearning4j.nn.conf.layers.SubsamplingLayer) pooling.conf().getLayer()).getPoolingType() == PoolingType.MAX
                    && POOLING_HELPER != null) {
                try {
                    POOLING_HELPER.set(pooling, new LibNd4jMaxPooling());
                } catch (IllegalAccessException | RuntimeException e) {
                    warnOnce("cannot set the max-pooling path", e);
                }
            }
            // Subclasses (1D, depthwise, separable, deconvolution) compute something else with the same fields.
            if (layer.getClass() == ConvolutionLayer.class && CONVOLUTION_HELPER != null
                    && conf.getClass() == org.deeplearning4j.nn.conf.layers.ConvolutionLayer.class
                    && FewChannelConvolutionHelper.suits((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) conf)) {
                try {
                    ConvolutionHelper own = (ConvolutionHelper) CONVOLUTION_HELPER.get(layer);
                    if (!(own instanceof FewChannelConvolutionHelper)) {
                        CONVOLUTION_HELPER.set(layer, new FewChannelConvolutionHelper(own,
                                ((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) conf).hasBias()));
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    warnOnce("cannot set the few-channel convolution path", e);
                }
            }
        }
    }

    /** Runs {@code write} with every layer's activation as DL4J built it, then puts the fast paths back. */
    static <T> T asDeclared(Model model, Supplier<T> write) {
        Layer[] layers = model instanceof ComputationGraph graph ? graph.getLayers() : ((MultiLayerNetwork) model).getLayers();
        List<org.deeplearning4j.nn.conf.layers.Layer> swapped = new ArrayList<>();
        for (Layer layer : layers) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (activation(conf) instanceof ReluBackpropByMask) {
                setActivation(conf, new ActivationReLU());
                swapped.add(conf);
            }
        }
        try {
            return write.get();
        } finally {
            swapped.forEach(conf -> setActivation(conf, new ReluBackpropByMask()));
        }
    }

    private static IActivation activation(org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (conf instanceof BaseLayer base) {
            return base.getActivationFn();
        }
        return conf instanceof ActivationLayer activation ? activation.getActivationFn() : null;
    }

    private static void setActivation(org.deeplearning4j.nn.conf.layers.Layer conf, IActivation activation) {
        if (conf instanceof BaseLayer base) {
            base.setActivationFn(activation);
        } else {
            ((ActivationLayer) conf).setActivationFn(activation);
        }
    }

    /** DL4J's private field of a layer's helper; null, with a warning, when this DL4J has none to set. */
    private static Field helperField(Class<?> layer) {
        try {
            Field field = layer.getDeclaredField("helper");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            warnOnce("DL4J's " + layer.getSimpleName() + " has no helper field to set (is DL4J still 1.0.0-beta7?)", e);
            return null;
        }
    }
}
