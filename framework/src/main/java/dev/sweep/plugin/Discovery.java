package dev.sweep.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Finds the implementations of an extension point with Java's {@link ServiceLoader}: Sweep's own (listed in
 * {@code META-INF/services} like any plugin's) and those of the plugin jars. One that fails to load or to
 * initialize is left out with a warning naming its jar, so the commands that do not need it still run.
 */
public final class Discovery {
    private Discovery() {
    }

    public static <T> List<Extension<T>> find(Class<T> point, PluginJars plugins, Consumer<String> warnings) {
        List<Extension<T>> found = new ArrayList<>();
        ServiceLoader<T> loader = ServiceLoader.load(point, plugins.loader());
        var providers = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                warnings.accept("warning: a plugin of " + point.getSimpleName() + " could not be loaded (" + e.getMessage()
                        + "); it is left out. Fix: check the jar's META-INF/services/" + point.getName() + " and its classes.");
                continue;
            }
            String origin = plugins.originOf(provider.type());
            try {
                found.add(new Extension<>(provider.get(), origin));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                warnings.accept("warning: " + provider.type().getName() + " from " + origin + " failed to initialize (" + cause
                        + "); it is left out. Fix: rebuild the plugin against this Sweep's framework.");
            }
        }
        return found;
    }
}
