package dev.sweep.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.train.TrainerParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The architectures found by discovery, Sweep's own and the plugins', bound by name for the {@link ArchitectureRegistry},
 * with where each came from. Two of one name, or one that declares a trainer parameter, are refused naming both places.
 */
public final class ArchitecturePlugins extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(ArchitecturePlugins.class);
    private final Map<String, Extension<Architecture>> found;

    /** What a Spark executor does: the plugin folders of its own environment, over the class path Spark gave it. */
    public ArchitecturePlugins() {
        this(PluginJars.open(PluginJars.folders(null), Thread.currentThread().getContextClassLoader(), LOG::warn), LOG::warn);
    }

    public ArchitecturePlugins(PluginJars plugins, Consumer<String> warnings) {
        this.found = check(validlyNamed(Discovery.find(Architecture.class, plugins, warnings), warnings));
    }

    /** A plugin whose architecture's name could not be written in a sweep file is left out, in one line naming its jar. */
    private static List<Extension<Architecture>> validlyNamed(List<Extension<Architecture>> extensions, Consumer<String> warnings) {
        List<Extension<Architecture>> valid = new ArrayList<>();
        for (Extension<Architecture> e : extensions) {
            String name = String.valueOf(e.value().name());
            if (ArchitectureRegistry.validName(name)) {
                valid.add(e);
            } else {
                warnings.accept("warning: the architecture '" + name.replaceAll("\\p{Cntrl}", "?") + "' of " + e.origin()
                        + " is left out: a name is lower-case letters, digits and '_', and no trainer parameter's. Fix: rename "
                        + "it in the plugin (its name()), or take the jar out of the plugins folder.");
            }
        }
        return valid;
    }

    private static Map<String, Extension<Architecture>> check(List<Extension<Architecture>> extensions) {
        Map<String, Extension<Architecture>> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Extension<Architecture> e : extensions) {
            String name = e.value().name();
            Extension<Architecture> earlier = byName.putIfAbsent(name, e);
            if (earlier != null) {
                problems.add("two architectures are named '" + name + "': " + e.value().getClass().getName() + " from "
                        + e.origin() + ", and " + earlier.value().getClass().getName() + " from " + earlier.origin()
                        + ". Fix: rename one (its name()), or take one jar out of the plugins folder");
            }
            for (ParameterDeclaration p : e.value().parameters()) {
                if (TrainerParameters.byName().containsKey(p.name())) {
                    problems.add("architecture '" + name + "' from " + e.origin() + " declares '" + p.name() + "', which is "
                            + "a trainer parameter. Fix: give the architecture's parameter another name");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginException(String.join("\n", problems));
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Where each architecture came from, by name. */
    public Map<String, String> origins() {
        Map<String, String> origins = new LinkedHashMap<>();
        found.forEach((name, e) -> origins.put(name, e.origin()));
        return origins;
    }

    /** The registry of these architectures, without Guice. */
    public ArchitectureRegistry registry() {
        Map<String, Architecture> byName = new LinkedHashMap<>();
        found.forEach((name, e) -> byName.put(name, e.value()));
        return new ArchitectureRegistry(byName);
    }

    @Override
    protected void configure() {
        MapBinder<String, Architecture> architectures = MapBinder.newMapBinder(binder(), String.class, Architecture.class);
        found.forEach((name, e) -> architectures.addBinding(name).toInstance(e.value()));
        bind(ArchitectureOrigins.class).toInstance(new ArchitectureOrigins(origins()));
    }

    /** Where each bound architecture came from, for {@code ./sweep architectures}. */
    public record ArchitectureOrigins(Map<String, String> byName) {
    }
}
