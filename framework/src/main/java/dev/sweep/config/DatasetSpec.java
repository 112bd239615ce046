package dev.sweep.config;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where the images come from and how they are split.
 *
 * <p>The validation set is the last {@code validation} images of the training file; training uses the images
 * before it, at most {@code trainLimit} of them. The test file is only ever used to report.
 *
 * @param name       a known dataset ("mnist"), or null when {@code idxDir} is given
 * @param idxDir     a folder of IDX files, or null for a known dataset
 * @param trainLimit cap on training images, or null for all
 */
public record DatasetSpec(String name, Path idxDir, Integer trainLimit, int validation) implements Serializable {
    public static final int DEFAULT_VALIDATION = 12_000;

    public static DatasetSpec mnist() {
        return new DatasetSpec("mnist", null, null, DEFAULT_VALIDATION);
    }

    /** A Path is not serializable: trials sent to other machines carry the folder as text. */
    private Object writeReplace() {
        return new Sent(name, idxDir == null ? null : idxDir.toAbsolutePath().toString(), trainLimit, validation);
    }

    private record Sent(String name, String idxDir, Integer trainLimit, int validation) implements Serializable {
        private Object readResolve() {
            return new DatasetSpec(name, idxDir == null ? null : Path.of(idxDir), trainLimit, validation);
        }
    }

    public String sourceLabel() {
        return name != null ? name : idxDir.toString();
    }
}
