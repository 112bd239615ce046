package dev.sweep.space;

/** Whether a value is one a parameter's space could give: among its choices, or inside its range and on its step. */
public final class Membership {
    private Membership() {
    }

    /** Why the value cannot be drawn from the parameter's space; null if it can. */
    public static String whyOutside(ParameterSpec spec, Object value) {
        if (spec instanceof ParameterSpec.Choice choice) {
            String text = ParameterValues.format(value);
            return choice.values().stream().anyMatch(c -> ParameterValues.format(c).equals(text)) ? null
                    : "is not among its values " + choice.values().stream().map(ParameterValues::format).toList();
        }
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            return "is not a number";
        }
        double v = n.doubleValue();
        if (spec instanceof ParameterSpec.IntRange r) {
            if (v != Math.rint(v)) {
                return "is not an integer";
            }
            if (v < r.min() || v > r.min() + r.stepCount() * r.step()) {
                return "is outside its range [" + r.min() + ", " + (r.min() + r.stepCount() * r.step()) + "]";
            }
            return ((long) v - r.min()) % r.step() == 0 ? null : "is not on its step " + r.step() + " from " + r.min();
        }
        ParameterSpec.FloatRange r = (ParameterSpec.FloatRange) spec;
        if (v < r.min() || v > r.max()) {
            return "is outside its range [" + ParameterValues.format(r.min()) + ", " + ParameterValues.format(r.max()) + "]";
        }
        if (r.stepped()) {
            long k = Math.round((v - r.min()) / r.step());
            return ParameterValues.format(r.valueAt(k)).equals(ParameterValues.format(v)) ? null
                    : "is not on its step " + ParameterValues.format(r.step()) + " from " + ParameterValues.format(r.min());
        }
        return null;
    }
}
