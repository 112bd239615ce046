package dev.sweep.prune;

import dev.sweep.plugin.Discovery;
import dev.sweep.plugin.Extension;
import dev.sweep.plugin.PluginException;
import dev.sweep.plugin.PluginJars;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The pruner types found by discovery, by name, with where each came from. */
public final class PrunerTypes {
    private final Map<String, Extension<PrunerType>> byName;

    private PrunerTypes(Map<String, Extension<PrunerType>> byName) {
        this.byName = byName;
    }

    /** Sweep's own, on the framework's class path. */
    public static PrunerTypes builtIn() {
        return discover(PluginJars.open(List.of(), PrunerTypes.class.getClassLoader(), w -> { }), w -> { });
    }

    public static PrunerTypes discover(PluginJars plugins, Consumer<String> warnings) {
        Map<String, Extension<PrunerType>> byName = new LinkedHashMap<>();
        for (Extension<PrunerType> e : Discovery.find(PrunerType.class, plugins, warnings)) {
            Extension<PrunerType> earlier = byName.putIfAbsent(e.value().name(), e);
            if (earlier != null) {
                throw new PluginException("two pruners are named '" + e.value().name() + "': from " + e.origin() + " and from "
                        + earlier.origin() + ". Fix: rename one, or take one jar out of the plugins folder");
            }
        }
        return new PrunerTypes(byName);
    }

    public Optional<PrunerType> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(Extension::value);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Map<String, String> origins() {
        Map<String, String> origins = new LinkedHashMap<>();
        byName.forEach((name, e) -> origins.put(name, e.origin()));
        return origins;
    }
}
