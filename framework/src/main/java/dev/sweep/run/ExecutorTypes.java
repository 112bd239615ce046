package dev.sweep.run;

import dev.sweep.plugin.NamedExtensions;
import dev.sweep.plugin.PluginJars;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The executor types found by discovery, by name, with where each came from. */
public final class ExecutorTypes {
    private final NamedExtensions<ExecutorType> types;

    private ExecutorTypes(NamedExtensions<ExecutorType> types) {
        this.types = types;
    }

    /** Those on the class path of the framework's class loader: {@code local}, and {@code spark} where its module is. */
    public static ExecutorTypes builtIn() {
        return new ExecutorTypes(NamedExtensions.builtIn(ExecutorType.class, ExecutorType::name, "executors"));
    }

    public static ExecutorTypes discover(PluginJars plugins, Consumer<String> warnings) {
        return new ExecutorTypes(NamedExtensions.discover(ExecutorType.class, ExecutorType::name, "executors", plugins, warnings));
    }

    public Optional<ExecutorType> find(String name) {
        return types.find(name);
    }

    public ExecutorType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no executor type '" + name + "'"));
    }

    public List<String> names() {
        return types.names();
    }

    public Map<String, String> origins() {
        return types.origins();
    }
}
