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

    /** {@code learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}} */
    record FloatRange(double min, double max, boolean log) implements ParameterSpec {
        @Override
        public boolean isFixed() {
            return min == max;
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
