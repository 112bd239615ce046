package dev.sweep.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides once per process whether ND4J's native helpers (oneDNN) can run convolutions here.
 *
 * <p>On some CPUs beta7's oneDNN fails on every convolution ("x2APIC is not supported", measured on this project's
 * AMD EPYC machine); DL4J then logs an error with a stack trace for each convolution layer of each new network and
 * falls back to its own implementation. One tiny probe convolution settles it for all of them.
 */
public final class NativeHelpers {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHelpers.class);
    private static Boolean usable;

    private NativeHelpers() {
    }

    /** True when convolutions run through the native helpers; false when they were found broken and turned off. */
    public static synchronized boolean probeOnce() {
        if (usable == null) {
            usable = convolutionRuns();
            if (!usable) {
                Nd4j.getEnvironment().allowHelpers(false);
                LOG.info("native convolution helpers (oneDNN) do not work on this CPU; using DL4J's own convolutions");
            }
        }
        return usable;
    }

    private static boolean convolutionRuns() {
        if (!Nd4j.getEnvironment().helpersAllowed()) {
            return false;
        }
        try {
            Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                    .isSameMode(false).build();
            Nd4j.exec(new Conv2D(Nd4j.ones(DataType.FLOAT, 1, 1, 4, 4), Nd4j.ones(DataType.FLOAT, 3, 3, 1, 1), null, config));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
