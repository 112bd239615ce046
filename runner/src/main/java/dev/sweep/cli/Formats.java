package dev.sweep.cli;

import java.util.List;

/** Checks a command's {@code --format} against the ones it prints. */
final class Formats {
    private Formats() {
    }

    static void require(String format, String... allowed) {
        if (!List.of(allowed).contains(format)) {
            throw new UserInputException("--format is " + String.join(", ", allowed) + ", not '" + format + "'");
        }
    }
}
