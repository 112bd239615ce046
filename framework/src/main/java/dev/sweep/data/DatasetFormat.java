package dev.sweep.data;

import dev.sweep.space.ParameterDeclaration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A kind of dataset a sweep file can name ({@code dataset: {format: NAME, ...}}): an extension point found by
 * discovery ({@code META-INF/services/dev.sweep.data.DatasetFormat}), Sweep's own ({@code mnist}, {@code idx}) like
 * a plugin's. Its settings are declared like a sampler's and checked against the file, each problem at its place; the
 * split (train_limit, validation) is the section's own and the same for every format.
 */
public interface DatasetFormat {
    /** What {@code format:} says. */
    String name();

    /** One line for {@code ./sweep plugins} and the docs. */
    String description();

    /** Every setting besides {@code format} and the split, with its type, range and default. */
    List<ParameterDeclaration> settings();

    /** What is wrong with the settings (a folder that is not there, say), and how to fix it. */
    record Problem(String setting, String message, String fix) {
    }

    /**
     * The settings as loading needs them, wherever the sweep runs: relative paths made absolute against the sweep
     * file's folder. Problems that need no loading are added to {@code problems}.
     */
    default Map<String, Object> resolve(Map<String, Object> settings, Path base, List<Problem> problems) {
        return settings;
    }


    /**
     * What {@code ship_data} sends so that an executor on a machine without this dataset's path can load it, or empty
     * when this format cannot be shipped (the default: the dataset is then read from its path on every node).
     */
    default Optional<DatasetShipment> shipment(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        return Optional.empty();
    }

    /**
     * The training and test images; a file that cannot be read is a {@link DataException} naming it and the fix.
     *
     * @param dataRoot where known datasets are fetched to
     * @param say      where to tell the user about a first-time fetch
     */
    IdxDataset load(Map<String, Object> settings, Path dataRoot, Consumer<String> say);
}
