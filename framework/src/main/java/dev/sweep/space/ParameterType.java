package dev.sweep.space;

/** The value type of a tunable parameter, as declared by the trainer or an architecture. */
public enum ParameterType {
    INT, FLOAT, CHOICE, BOOLEAN;

    public String yamlName() {
        return name().toLowerCase();
    }
}
