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
 * <p>On some CPUs beta7's oneDNN fails on every convolution: on this project's AMD EPYC machine its AVX-512 kernels
 * ask Xbyak for the cache topology, which throws "x2APIC is not supported" on AMD. DL4J then logs an error with a
 * stack trace for each convolution layer of each new network and falls back to its own implementation, 3-10x
 * slower. {@code DNNL_MAX_CPU_ISA=AVX2} (set by ./sweep and the tests on every CPU but an Intel one with AVX-512, where
 * those kernels work and are faster) avoids them; where oneDNN fails anyway, one tiny probe convolution settles it for
 * the whole process.
 */
public final class NativeHelpers {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHelpers.class);
    private static Boolean usable;
    private static String failure;

    private NativeHelpers() {
    }

    /** True when convolutions run through the native helpers; false when they were found broken and turned off. */
    public static synchronized boolean probeOnce() {
        if (usable == null) {
            if (!Nd4j.getEnvironment().helpersAllowed() && System.getenv("SD_FORBID_HELPERS") == null) {
                // beta7 switches helpers off whenever SD_MASTER_THREADS is set; nobody asked for that.
                Nd4j.getEnvironment().allowHelpers(true);
            }
            usable = convolutionRuns();
            if (!usable) {
                Nd4j.getEnvironment().allowHelpers(false);
                LOG.warn("oneDNN cannot run convolutions here (" + failure + "); using DL4J's own, several times slower. "
                        + (System.getenv("DNNL_MAX_CPU_ISA") == null
                        ? "Fix: set DNNL_MAX_CPU_ISA=AVX2 in the environment." : "DNNL_MAX_CPU_ISA is "
                        + System.getenv("DNNL_MAX_CPU_ISA") + "; try AVX2 or AVX."));
            }
        }
        return usable;
    }

    private static boolean convolutionRuns() {
        if (!Nd4j.getEnvironment().helpersAllowed()) {
            failure = "native helpers are switched off";
            return false;
        }
        try {
            Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                    .isSameMode(false).build();
            Nd4j.exec(new Conv2D(Nd4j.ones(DataType.FLOAT, 1, 1, 4, 4), Nd4j.ones(DataType.FLOAT, 3, 3, 1, 1), null, config));
            return true;
        } catch (RuntimeException e) {
            failure = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            return false;
        }
    }

    /**
     * Refuses trials side by side where libnd4j would crash: it hands each native op a ticket from a pool of
     * {@code SD_MAX_THREADS} (default: OMP_NUM_THREADS, 1 here), and two threads sharing one ticket end in a SIGSEGV.
     */
    public static void checkConcurrentTrials(int trials) {
        int tickets = Nd4j.getEnvironment().maxThreads();
        if (trials > 1 && tickets < trials) {
            throw new IllegalStateException("running " + trials + " trials side by side needs ND4J's SD_MAX_THREADS of at least "
                    + trials + " (it is " + tickets + "), or libnd4j crashes. Fix: run through ./sweep, which sets "
                    + "SD_MAX_THREADS=64, or set it in the environment.");
        }
    }
}
