package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;

/**
 * A numeric range in the scale a model searches it: the logarithm of a log range, the step index of a stepped
 * integer range (widened by half a step each side, so both ends are as likely as the middle ones), else as is.
 */
record NumericScale(ParameterSpec spec, double low, double high) {
    static NumericScale of(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.FloatRange r) {
            return r.log() ? new NumericScale(spec, Math.log(r.min()), Math.log(r.max())) : new NumericScale(spec, r.min(), r.max());
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return new NumericScale(spec, -0.5, r.stepCount() + 0.5);
        }
        throw new IllegalArgumentException("not a numeric range: " + spec);
    }

    double toInternal(double value) {
        if (spec instanceof ParameterSpec.FloatRange r) {
            return r.log() ? Math.log(value) : value;
        }
        ParameterSpec.IntRange r = (ParameterSpec.IntRange) spec;
        return (value - r.min()) / r.step();
    }

    /** The parameter's value for a point of the internal scale: inside the range, on its step. */
    Object toValue(double internal) {
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
}
