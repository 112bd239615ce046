package dev.sweep.arch;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;

/**
 * DL4J's Adam step computed by loops the JIT vectorizes, to the same bits as beta7's native {@code adam_updater}.
 *
 * <p>beta7's native loop is scalar: it reloads every pointer on every element (they may alias) and takes a square
 * root and a division one float at a time, 20% of an mlp training step. Here the gradient and both moments are copied
 * in chunks to Java arrays, updated with eight floats per instruction, and copied back. Every operation is the one
 * the native code performs, in its order: the moments as fused multiply-adds (as GCC contracted them), the bias
 * correction as a float power and a double division, the square root correctly rounded. The state stays in DL4J's
 * updater view, so a saved model holds it as DL4J wrote it, and the updater's configuration stays DL4J's own
 * {@link Adam}. Arrays the native code would walk by index, not as one run of floats, still go through DL4J.
 */
final class VectorizedAdam implements GradientUpdater<Adam> {
    private static final int CHUNK = 4096;
    private final AdamUpdater dl4j;
    private final float[] gradient = new float[CHUNK];
    private final float[] first = new float[CHUNK];
    private final float[] second = new float[CHUNK];
    private INDArray m;
    private INDArray v;

    VectorizedAdam(AdamUpdater dl4j) {
        this.dl4j = dl4j;
        readState();
    }

    @Override
    public Adam getConfig() {
        return dl4j.getConfig();
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        dl4j.setState(stateMap, initialize);
        readState();
    }

    @Override
    public Map<String, INDArray> getState() {
        return dl4j.getState();
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        dl4j.setStateViewArray(viewArray, gradientShape, gradientOrder, initialize);
        readState();
    }

    private void readState() {
        Map<String, INDArray> state = dl4j.getState();
        m = state.get(AdamUpdater.M_STATE);
        v = state.get(AdamUpdater.V_STATE);
    }

    @Override
    public void applyUpdater(INDArray gradients, int iteration, int epoch) {
        if (m == null || v == null || !oneRunOfFloats(gradients, m, v)) {
            dl4j.applyUpdater(gradients, iteration, epoch);
            return;
        }
        Adam config = dl4j.getConfig();
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float step = biasCorrectedRate((float) config.getLearningRate(iteration, epoch), beta1, beta2, epsilon, iteration);
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;

        FloatPointer g = floats(gradients);
        FloatPointer mm = floats(m);
        FloatPointer vv = floats(v);
        long length = gradients.length();
        for (long start = 0; start < length; start += CHUNK) {
            int n = (int) Math.min(CHUNK, length - start);
            g.position(start).get(gradient, 0, n);
            mm.position(start).get(first, 0, n);
            vv.position(start).get(second, 0, n);
            for (int i = 0; i < n; i++) {
                float grad = gradient[i];
                float mi = Math.fma(beta1, first[i], grad * keep1);
                float vi = Math.fma(beta2, second[i], grad * grad * keep2);
                first[i] = mi;
                second[i] = vi;
                gradient[i] = (mi * step) / ((float) Math.sqrt(vi) + epsilon);
            }
            mm.position(start).put(first, 0, n);
            vv.position(start).put(second, 0, n);
            g.position(start).put(gradient, 0, n);
        }
    }

    /** The learning rate with Adam's bias correction, as beta7 computes it once per step (float, one double division). */
    static float biasCorrectedRate(float learningRate, float beta1, float beta2, float epsilon, int iteration) {
        float t = (float) iteration + 1f;
        float beta1T = (float) Math.pow(beta1, t);
        float beta2T = (float) Math.pow(beta2, t);
        float rate = (float) ((learningRate * (float) Math.sqrt((float) (1.0 - beta2T))) / (1.0 - beta1T));
        return Float.isNaN(rate) || rate == 0 || Float.isInfinite(rate) ? epsilon : rate;
    }

    /** The native code's own test for its linear loop: every array one run of floats, all in one order. */
    private static boolean oneRunOfFloats(INDArray gradients, INDArray m, INDArray v) {
        return gradients.dataType() == DataType.FLOAT && m.dataType() == DataType.FLOAT && v.dataType() == DataType.FLOAT
                && gradients.elementWiseStride() == 1 && m.elementWiseStride() == 1 && v.elementWiseStride() == 1
                && gradients.ordering() == m.ordering() && m.ordering() == v.ordering()
                && gradients.length() == m.length() && m.length() == v.length();
    }

    private static FloatPointer floats(INDArray array) {
        return new FloatPointer(array.data().addressPointer());
    }
}
