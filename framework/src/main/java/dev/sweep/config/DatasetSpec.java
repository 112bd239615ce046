package dev.sweep.config;

import dev.sweep.data.IdxFormat;
import dev.sweep.data.MnistFormat;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the images come from and how they are split.
 *
 * <p>The validation set is the last {@code validation} images of the training file (a share of them when below 1,
 * as Keras' {@code validation_split}); training uses the images before it, at most {@code trainLimit} of them. The
 * test file is only ever used to report.
 *
 * @param format     the dataset format the section names ({@code mnist}, {@code idx}, a plugin's)
 * @param settings   every setting the format declares, as resolved for loading (paths absolute), texts, numbers and
 *                   booleans only, so that a trial sent to another machine carries them
 * @param trainLimit cap on training images, or null for all
 */
public record DatasetSpec(String format, Map<String, Object> settings, Integer trainLimit, double validation) implements Serializable {
    public static final int DEFAULT_VALIDATION = 12_000;

    public DatasetSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** How many of {@code trainingImages} are held out for validation. */
    public int validationCount(int trainingImages) {
        return validation < 1 ? (int) Math.round(validation * trainingImages) : (int) validation;
    }

    public static DatasetSpec mnist() {
        return new DatasetSpec(MnistFormat.NAME, Map.of(), null, DEFAULT_VALIDATION);
    }

    /** Where the images come from, as plan, the store and provenance name it: {@code mnist}, {@code idx /data/kmnist}. */
    public String describe() {
        List<String> values = settings.values().stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList();
        return values.isEmpty() ? format : format + " " + String.join(" ", values);
    }

    /** A folder of IDX files. */
    public static DatasetSpec idx(Path folder, Integer trainLimit, int validation) {
        return new DatasetSpec(IdxFormat.NAME, IdxFormat.of(folder), trainLimit, validation);
    }
}
