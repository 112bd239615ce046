package dev.sweep.space;

/**
 * The value type of a tunable parameter, as declared by the trainer or an architecture, or of an extension's setting.
 * TEXT is for settings only (an executor's master URL, say): nothing searches over free text.
 */
public enum ParameterType {
    INT, FLOAT, CHOICE, BOOLEAN, TEXT;

    public String yamlName() {
        return name().toLowerCase();
    }
}
