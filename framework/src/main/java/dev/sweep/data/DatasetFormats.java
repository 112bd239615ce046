package dev.sweep.data;

import dev.sweep.plugin.NamedExtensions;
import dev.sweep.plugin.PluginJars;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The dataset formats found by discovery, by name, with where each came from. */
public final class DatasetFormats {
    private final NamedExtensions<DatasetFormat> formats;

    private DatasetFormats(NamedExtensions<DatasetFormat> formats) {
        this.formats = formats;
    }

    /** Those on the class path of the framework's class loader: mnist and idx. */
    public static DatasetFormats builtIn() {
        return new DatasetFormats(NamedExtensions.builtIn(DatasetFormat.class, DatasetFormat::name, "dataset formats"));
    }

    public static DatasetFormats discover(PluginJars plugins, Consumer<String> warnings) {
        return new DatasetFormats(NamedExtensions.discover(DatasetFormat.class, DatasetFormat::name, "dataset formats", plugins, warnings));
    }

    public Optional<DatasetFormat> find(String name) {
        return formats.find(name);
    }

    public DatasetFormat get(String name) {
        return find(name).orElseThrow(() -> new DataException("unknown dataset format '" + name + "'. Fix: use one of "
                + String.join(", ", names()) + " (./sweep plugins lists them)"));
    }

    public List<String> names() {
        return formats.names();
    }

    public Map<String, String> origins() {
        return formats.origins();
    }
}
