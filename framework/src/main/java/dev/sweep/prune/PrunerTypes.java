package dev.sweep.prune;

import dev.sweep.plugin.NamedExtensions;
import dev.sweep.plugin.PluginJars;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The pruner types found by discovery, by name, with where each came from. */
public final class PrunerTypes {
    private final NamedExtensions<PrunerType> types;

    private PrunerTypes(NamedExtensions<PrunerType> types) {
        this.types = types;
    }

    /** Sweep's own, on the framework's class path. */
    public static PrunerTypes builtIn() {
        return new PrunerTypes(NamedExtensions.builtIn(PrunerType.class, PrunerType::name, "pruners"));
    }

    public static PrunerTypes discover(PluginJars plugins, Consumer<String> warnings) {
        return new PrunerTypes(NamedExtensions.discover(PrunerType.class, PrunerType::name, "pruners", plugins, warnings));
    }

    public Optional<PrunerType> find(String name) {
        return types.find(name);
    }

    public List<String> names() {
        return types.names();
    }

    public Map<String, String> origins() {
        return types.origins();
    }
}
