package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;

/**
 * A numeric range in the scale a model searches it: the logarithm of a log range, the step index of a stepped range
 * (widened by half a step each side, so both ends are as likely as the middle ones, as Optuna's discrete
 * distributions), else as is.
 */
record NumericScale(ParameterSpec spec, double low, double high) {
    static NumericScale of(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.FloatRange r && !r.stepped()) {
            return r.log() ? new NumericScale(spec, Math.log(r.min()), Math.log(r.max())) : new NumericScale(spec, r.min(), r.max());
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            return new NumericScale(spec, -0.5, r.stepCount() + 0.5);
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return new NumericScale(spec, -0.5, r.stepCount() + 0.5);
        }
        throw new IllegalArgumentException("not a numeric range: " + spec);
    }

    /** True when the values are steps: a point of the internal scale stands for the whole step around it. */
    boolean discrete() {
        return spec instanceof ParameterSpec.IntRange || spec instanceof ParameterSpec.FloatRange r && r.stepped();
    }

    double toInternal(double value) {
        if (spec instanceof ParameterSpec.FloatRange r) {
            return r.stepped() ? (value - r.min()) / r.step() : r.log() ? Math.log(value) : value;
        }
        ParameterSpec.IntRange r = (ParameterSpec.IntRange) spec;
        return (value - r.min()) / r.step();
    }

    /** The parameter's value for a point of the internal scale: inside the range, on its step. */
    Object toValue(double internal) {
        if (spec instanceof ParameterSpec.FloatRange r && r.stepped()) {
            return r.valueAt(Math.max(0, Math.min(r.stepCount(), Math.round(internal))));
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            double v = r.log() ? Math.exp(internal) : internal;
            // As Arbiter's draws are: 12 significant digits, so stored text and value agree.
            v = Double.parseDouble(String.format("%.12g", v));
            return Math.max(r.min(), Math.min(r.max(), v));
        }
        ParameterSpec.IntRange r = (ParameterSpec.IntRange) spec;
        long index = Math.max(0, Math.min(r.stepCount(), Math.round(internal)));
        return Math.toIntExact(r.min() + index * r.step());
    }

    /** The step index a point of the internal scale rounds to, as a point of the scale. */
    double snapped(double internal) {
        return discrete() ? Math.max(0, Math.min(high - 0.5, Math.round(internal))) : internal;
    }
}
