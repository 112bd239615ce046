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
    private final Map<Path, IdxDataset> datasets = new HashMap<>();
    private final Map<DatasetSpec, DataSplit> splits = new HashMap<>();

    /**
     * @param dataRoot where known datasets are fetched to
     * @param say      where to tell the user about a first-time fetch
     */
    public DatasetRepository(Path dataRoot, Consumer<String> say) {
        this.dataRoot = dataRoot;
        this.say = say;
    }

    public synchronized DataSplit split(DatasetSpec spec) {
        return splits.computeIfAbsent(spec, s -> DataSplit.of(dataset(s), s.sourceLabel(), s.trainLimit(), s.validation()));
    }

    public synchronized IdxDataset dataset(DatasetSpec spec) {
        Path folder = spec.idxDir() != null ? spec.idxDir().toAbsolutePath().normalize() : known(spec.name());
        return datasets.computeIfAbsent(folder, IdxDataset::load);
    }

    private Path known(String name) {
        if (!"mnist".equals(name)) {
            throw new DataException("unknown dataset '" + name + "'. Fix: use name: mnist, or idx_dir: PATH for a folder of IDX files.");
        }
        return MnistDownload.ensure(dataRoot, say);
    }
}
