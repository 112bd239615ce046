package dev.sweep.run;

import dev.sweep.FatalException;

/** Too many trials of a sweep failed ({@code max_failures}): the sweep stops rather than fail every candidate. */
public final class FailureBudgetExceededException extends FatalException {
    FailureBudgetExceededException(String message) {
        super(message, null);
    }
}
