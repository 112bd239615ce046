package dev.sweep.arch;

/** An architecture's parameters cannot take pictures of this size: its {@link Architecture#inputProblem}, as an error. */
public final class InputShapeException extends IllegalArgumentException {
    public InputShapeException(String message) {
        super(message);
    }
}
