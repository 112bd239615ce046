package dev.sweep.space;

import java.math.BigDecimal;

/** Formatting of parameter values for messages, tables and the store. */
public final class ParameterValues {
    private ParameterValues() {
    }

    public static String format(Object value) {
        if (value instanceof Double d) {
            return format(d.doubleValue());
        }
        return String.valueOf(value);
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal rounded = BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        return Math.abs(v) < 1e-4 || Math.abs(v) >= 1e9 ? rounded.toString().toLowerCase() : rounded.toPlainString();
    }

    public static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return format(value);
    }

    /** Numeric view of a value, for the store's numeric column; null for text. */
    public static Double numeric(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return null;
    }
}
