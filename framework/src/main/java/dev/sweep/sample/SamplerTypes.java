package dev.sweep.sample;

import dev.sweep.plugin.NamedExtensions;
import dev.sweep.plugin.PluginJars;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The sampler types found by discovery, by name, with where each came from. */
public final class SamplerTypes {
    private final NamedExtensions<SamplerType> types;

    private SamplerTypes(NamedExtensions<SamplerType> types) {
        this.types = types;
    }

    /** Sweep's own, on the framework's class path. */
    public static SamplerTypes builtIn() {
        return new SamplerTypes(NamedExtensions.builtIn(SamplerType.class, SamplerType::name, "samplers"));
    }

    public static SamplerTypes discover(PluginJars plugins, Consumer<String> warnings) {
        return new SamplerTypes(NamedExtensions.discover(SamplerType.class, SamplerType::name, "samplers", plugins, warnings));
    }

    public Optional<SamplerType> find(String name) {
        return types.find(name);
    }

    public List<String> names() {
        return types.names();
    }

    public Map<String, String> origins() {
        return types.origins();
    }
}
