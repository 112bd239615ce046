package dev.sweep.data;

import dev.sweep.config.DatasetSpec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Loads each dataset once per process and hands the same split to every trial that asks for it; thread-safe. */
public final class DatasetRepository {
    private final Path dataRoot;
    private final Consumer<String> say;
    private final DatasetFormats formats;
    private final Map<String, IdxDataset> datasets = new HashMap<>();
    private final Map<DatasetSpec, DataSplit> splits = new HashMap<>();

    /** With the dataset formats on the framework's class path. */
    public DatasetRepository(Path dataRoot, Consumer<String> say) {
        this(dataRoot, say, DatasetFormats.builtIn());
    }

    /**
     * @param dataRoot where known datasets are fetched to
     * @param say      where to tell the user about a first-time fetch
     */
    public DatasetRepository(Path dataRoot, Consumer<String> say, DatasetFormats formats) {
        this.dataRoot = dataRoot;
        this.say = say;
        this.formats = formats;
    }

    public synchronized DataSplit split(DatasetSpec spec) {
        return splits.computeIfAbsent(spec, s -> DataSplit.of(dataset(s), s));
    }

    /** What ship_data sends of this dataset, or empty when its format is read from its path on every node. */
    public java.util.Optional<DatasetShipment> shipment(DatasetSpec spec) {
        return formats.get(spec.format()).shipment(spec.settings(), dataRoot, say);
    }

    public synchronized IdxDataset dataset(DatasetSpec spec) {
        DatasetFormat format = formats.get(spec.format());
        // One load per source, whatever split of it a sweep asks for.
        return datasets.computeIfAbsent(spec.format() + " " + spec.settings(), k -> format.load(spec.settings(), dataRoot, say));
    }
}
