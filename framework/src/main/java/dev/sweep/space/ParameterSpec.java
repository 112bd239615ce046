package dev.sweep.space;

import java.util.List;

/** How one parameter is given in a sweep file: fixed, a choice, or a range. */
public sealed interface ParameterSpec {

    /** True when every candidate gets the same value. */
    default boolean isFixed() {
        return false;
    }

    /** {@code epochs: 1} */
    record Fixed(Object value) implements ParameterSpec {
        @Override
        public boolean isFixed() {
            return true;
        }
    }

    /** {@code batch_size: {values: [32, 64, 128]}} */
    record Choice(List<Object> values) implements ParameterSpec {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public boolean isFixed() {
            return values.size() == 1;
        }
    }

    /**
     * {@code learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}}, or {@code dropout: {float: [0.1, 0.5], step: 0.1}}:
     * a stepped range holds min, min+step, ... up to max, and stays ordered (0.2 lies between 0.1 and 0.3), as Optuna's
     * {@code FloatDistribution(step=)} and Keras Tuner's {@code hp.Float(step=)}.
     *
     * @param step 0 for a continuous range
     */
    record FloatRange(double min, double max, boolean log, double step) implements ParameterSpec {
        public FloatRange(double min, double max, boolean log) {
            this(min, max, log, 0);
        }

        public boolean stepped() {
            return step > 0;
        }

        /** The number of steps above min that stay inside max; 0 for a continuous range. */
        public long stepCount() {
            return stepped() ? (long) Math.floor((max - min) / step + 1e-9) : 0;
        }

        /** min + k * step, without the float noise of the sum (0.30000000000000004 is stored as 0.3). */
        public double valueAt(long k) {
            return Double.parseDouble(ParameterValues.format(min + k * step));
        }

        @Override
        public boolean isFixed() {
            return min == max || stepped() && stepCount() == 0;
        }
    }

    /** {@code units: {int: [32, 512], step: 32}}: min, min+step, ... up to max. */
    record IntRange(long min, long max, long step) implements ParameterSpec {
        public long stepCount() {
            return (max - min) / step;
        }

        @Override
        public boolean isFixed() {
            return stepCount() == 0;
        }
    }
}
