package dev.sweep.data;

import dev.sweep.config.DatasetSpec;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ship_data} sends to executors that cannot read the dataset's path: its files, which arrive together in
 * one folder, and the dataset that reads them there.
 *
 * @param files        the files to send, absolute paths on this machine; their names must differ
 * @param format       the format that reads them where they arrive (IDX files shipped for {@code mnist} are read as {@code idx})
 * @param settings     that format's settings, with each path setting a file or folder name relative to the arrival folder
 * @param pathSettings the settings that are such names
 */
public record DatasetShipment(List<String> files, String format, Map<String, Object> settings, List<String> pathSettings)
        implements Serializable {
    public DatasetShipment {
        files = List.copyOf(files);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        pathSettings = List.copyOf(pathSettings);
        long names = files.stream().map(f -> Path.of(f).getFileName().toString()).distinct().count();
        if (names != files.size()) {
            throw new DataException("ship_data sends files into one folder, and two of " + files + " share a name. Fix: rename "
                    + "one of them, or remove ship_data and put the dataset at the same path on every node.");
        }
    }

    /** The dataset as read from {@code folder}, where the files arrived, with the original's split. */
    public DatasetSpec arrivedAt(Path folder, DatasetSpec original) {
        Map<String, Object> resolved = new LinkedHashMap<>(settings);
        for (String key : pathSettings) {
            resolved.put(key, folder.resolve(settings.get(key).toString()).toAbsolutePath().normalize().toString());
        }
        return new DatasetSpec(format, resolved, original.trainLimit(), original.validation());
    }
}
