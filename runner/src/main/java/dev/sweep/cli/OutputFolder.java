package dev.sweep.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A folder a command writes into, made before the work starts, so that a folder it cannot write costs nothing. */
final class OutputFolder {
    private OutputFolder() {
    }

    /** @param option the option that named it, for the fix */
    static Path create(Path folder, String option) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".sweep-write", ".tmp");
            Files.delete(probe);
            return folder;
        } catch (IOException e) {
            throw new UserInputException("cannot write into " + folder + " (" + reason(e) + "). Fix: give " + option
                    + " a folder you can write, e.g. one under your home folder");
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "that file system does not allow it";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
