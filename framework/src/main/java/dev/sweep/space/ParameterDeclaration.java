package dev.sweep.space;

import java.util.List;
import java.util.Objects;

/**
 * What a parameter may be: declared once by the trainer or an architecture, read by the YAML validator,
 * the candidate generator and {@code sweep architectures}.
 *
 * @param defaultValue null when the parameter is optional and has no value unless given (e.g. a shorthand)
 * @param min          inclusive lower bound for INT and FLOAT, else null
 * @param max          inclusive upper bound for INT and FLOAT, else null
 * @param choices      allowed values for CHOICE, else empty
 */
public record ParameterDeclaration(String name, ParameterType type, Object defaultValue, Double min, Double max,
                                   List<String> choices, String description) {

    public ParameterDeclaration {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParameterDeclaration intParam(String name, Integer defaultValue, int min, int max, String description) {
        return new ParameterDeclaration(name, ParameterType.INT, defaultValue, (double) min, (double) max, List.of(), description);
    }

    public static ParameterDeclaration floatParam(String name, Double defaultValue, double min, double max, String description) {
        return new ParameterDeclaration(name, ParameterType.FLOAT, defaultValue, min, max, List.of(), description);
    }

    public static ParameterDeclaration choiceParam(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterDeclaration(name, ParameterType.CHOICE, defaultValue, null, null, choices, description);
    }

    public static ParameterDeclaration booleanParam(String name, Boolean defaultValue, String description) {
        return new ParameterDeclaration(name, ParameterType.BOOLEAN, defaultValue, null, null, List.of(), description);
    }

    /** @param defaultValue null for a setting that has no value unless given */
    public static ParameterDeclaration textParam(String name, String defaultValue, String description) {
        return new ParameterDeclaration(name, ParameterType.TEXT, defaultValue, null, null, List.of(), description);
    }

    /** A readable range, as shown by {@code sweep architectures} and in validation messages. */
    public String allowedText() {
        return switch (type) {
            case INT -> "integer " + (long) min.doubleValue() + ".." + (long) max.doubleValue();
            case FLOAT -> "number " + ParameterValues.format(min) + ".." + ParameterValues.format(max);
            case CHOICE -> "one of " + String.join(", ", choices);
            case BOOLEAN -> "true or false";
            case TEXT -> "text";
        };
    }

    /** Null when {@code value} is acceptable, else what is wrong with it. */
    public String problemWith(Object value) {
        switch (type) {
            case INT -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    return "expects an integer, got " + ParameterValues.describe(value);
                }
                return inRange(((Number) value).doubleValue());
            }
            case FLOAT -> {
                if (!(value instanceof Number)) {
                    return "expects a number, got " + ParameterValues.describe(value);
                }
                return inRange(((Number) value).doubleValue());
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !choices.contains(s)) {
                    return "expects one of " + String.join(", ", choices) + ", got " + ParameterValues.describe(value);
                }
                return null;
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? null : "expects true or false, got " + ParameterValues.describe(value);
            }
            case TEXT -> {
                return value instanceof String s && !s.isBlank() ? null : "expects text, got " + ParameterValues.describe(value);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private String inRange(double v) {
        if (Double.isNaN(v) || v < min || v > max) {
            return "value " + ParameterValues.format(v) + " is outside the allowed range " + allowedText();
        }
        return null;
    }
}
