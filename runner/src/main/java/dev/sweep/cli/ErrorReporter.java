package dev.sweep.cli;

import dev.sweep.FatalException;
import dev.sweep.config.ConfigurationException;
import dev.sweep.data.DataException;
import dev.sweep.run.SweepBusyException;
import dev.sweep.store.DiskFullException;
import dev.sweep.store.StoreException;
import picocli.CommandLine;

/**
 * Bad input of any kind (configuration, data, database) exits 2 with its message; a fatal error exits 1 with its
 * message; anything else, a bug, exits 1 with its stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        if (e instanceof DiskFullException) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        if (e instanceof ConfigurationException || e instanceof DataException || e instanceof StoreException
                || e instanceof UserInputException || e instanceof SweepBusyException) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        // Expected ways for a sweep to stop (a failure budget spent, a cluster giving up): their message names the fix.
        if (e instanceof FatalException) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        return FAILURE;
    }
}
