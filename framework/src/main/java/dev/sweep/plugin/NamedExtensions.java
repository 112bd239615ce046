package dev.sweep.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The implementations of an extension point that sweep files choose by name ({@code type: NAME}), found by
 * discovery, with where each came from. Two of one name are refused, naming both jars.
 */
public final class NamedExtensions<T> {
    private final Map<String, Extension<T>> byName;

    private NamedExtensions(Map<String, Extension<T>> byName) {
        this.byName = byName;
    }

    /** @param kind what the user calls them in the message about a name taken twice, e.g. "pruners" */
    public static <T> NamedExtensions<T> discover(Class<T> point, Function<T, String> name, String kind, PluginJars plugins,
                                                  Consumer<String> warnings) {
        Map<String, Extension<T>> byName = new LinkedHashMap<>();
        for (Extension<T> e : Discovery.find(point, plugins, warnings)) {
            Extension<T> earlier = byName.putIfAbsent(name.apply(e.value()), e);
            if (earlier != null) {
                throw new PluginException("two " + kind + " are named '" + name.apply(e.value()) + "': from " + e.origin()
                        + " and from " + earlier.origin() + ". Fix: rename one, or take one jar out of the plugins folder");
            }
        }
        return new NamedExtensions<>(byName);
    }

    /** Sweep's own, on the framework's class path. */
    public static <T> NamedExtensions<T> builtIn(Class<T> point, Function<T, String> name, String kind) {
        return discover(point, name, kind, PluginJars.open(List.of(), point.getClassLoader(), w -> { }), w -> { });
    }

    public Optional<T> find(String name) {
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
