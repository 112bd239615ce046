package dev.sweep.data;

import dev.sweep.space.ParameterDeclaration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code format: idx, dir: PATH}: a folder of IDX files named as MNIST names them (train-images-idx3-ubyte,
 * train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; {@code .idx3-ubyte} spellings and
 * {@code .gz} accepted), such as Fashion-MNIST or KMNIST.
 */
public final class IdxFormat implements DatasetFormat {
    public static final String NAME = "idx";
    public static final String DIR = "dir";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a folder of IDX files named as MNIST names them (raw or .gz), e.g. Fashion-MNIST";
    }

    @Override
    public List<ParameterDeclaration> settings() {
        return List.of(ParameterDeclaration.textParam(DIR, null, "the folder of the IDX files, absolute or relative to the sweep file"));
    }

    /** The settings of a folder. */
    public static Map<String, Object> of(Path folder) {
        return Map.of(DIR, folder.toAbsolutePath().normalize().toString());
    }

    @Override
    public Map<String, Object> resolve(Map<String, Object> settings, Path base, List<Problem> problems) {
        Object dir = settings.get(DIR);
        if (dir == null) {
            problems.add(new Problem(null, "an idx dataset needs its folder", "add dir: PATH, the folder of the IDX files"));
            return settings;
        }
        Path path = base.resolve(dir.toString()).normalize();
        if (!Files.isDirectory(path)) {
            problems.add(new Problem(DIR, "IDX folder '" + dir + "' is not a folder (looked for " + path + ")",
                    "give a folder holding the IDX files, absolute or relative to the sweep file's folder"));
        }
        Map<String, Object> resolved = new LinkedHashMap<>(settings);
        resolved.put(DIR, path.toAbsolutePath().toString());
        return resolved;
    }


    @Override
    public Optional<DatasetShipment> shipment(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        return Optional.of(shipment(Path.of(settings.get(DIR).toString())));
    }

    /** The four IDX files of a folder, read as a folder of IDX files where they arrive. */
    static DatasetShipment shipment(Path folder) {
        List<String> files = IdxDataset.files(folder).stream().map(f -> f.toAbsolutePath().toString()).toList();
        return new DatasetShipment(files, NAME, Map.of(DIR, "."), List.of(DIR));
    }

    @Override
    public IdxDataset load(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        return IdxDataset.load(Path.of(settings.get(DIR).toString()));
    }
}
