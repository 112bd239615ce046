package dev.sweep.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A folder a command writes into, checked before the work starts, so that a folder it cannot write costs nothing; it is
 * made only when there is something to write, so that a command that fails leaves nothing behind.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Whether the folder, or the nearest folder above it that exists, takes a new file: a probe is made there and
     * removed at once.
     *
     * @param option the option that named it, for the fix
     */
    static void checkWritable(Path folder, String option) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !Files.isDirectory(existing)) {
                throw new java.nio.file.NotDirectoryException(String.valueOf(existing));
            }
            Files.delete(Files.createTempFile(existing, ".sweep-write", ".tmp"));
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
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "a file stands where a folder should be";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
