package dev.sweep.cli;

/** A command-line request that cannot be met as given (no such sweep, file exists, ...): exit code 2. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
