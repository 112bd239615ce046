package dev.sweep.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The jars of the plugin folders, on a class path of their own above Sweep's: the folder {@code plugins/} beside
 * {@code ./sweep} ({@code -Dsweep.plugins.dir}), the folders of {@code SWEEP_PLUGINS} (path-separated), and
 * {@code --plugins DIR}. A jar that cannot be opened is left out with a warning naming it, so the commands that do not
 * need it still run.
 */
public final class PluginJars {
    private final List<Path> jars;
    private final ClassLoader loader;

    private PluginJars(List<Path> jars, ClassLoader loader) {
        this.jars = List.copyOf(jars);
        this.loader = loader;
    }

    /** The folders to search: the option's, then SWEEP_PLUGINS', then the one beside ./sweep. */
    public static List<Path> folders(String option) {
        List<Path> folders = new ArrayList<>();
        if (option != null && !option.isBlank()) {
            folders.add(Path.of(option));
        }
        String env = System.getenv("SWEEP_PLUGINS");
        if (env != null) {
            for (String part : env.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    folders.add(Path.of(part));
                }
            }
        }
        String beside = System.getProperty("sweep.plugins.dir");
        if (beside != null) {
            folders.add(Path.of(beside));
        }
        return folders;
    }

    /** Every readable jar of the folders (a folder that does not exist holds none), over {@code parent}. */
    public static PluginJars open(List<Path> folders, ClassLoader parent, Consumer<String> warnings) {
        List<Path> jars = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    if (readable(jar, warnings)) {
                        jars.add(jar.toAbsolutePath().normalize());
                        urls.add(url(jar));
                    }
                }
            } catch (IOException e) {
                warnings.accept("warning: cannot list the plugin folder " + folder + " (" + e.getMessage() + "); its plugins are "
                        + "not loaded");
            }
        }
        ClassLoader loader = urls.isEmpty() ? parent : new URLClassLoader("sweep-plugins", urls.toArray(URL[]::new), parent);
        return new PluginJars(jars, loader);
    }

    private static boolean readable(Path jar, Consumer<String> warnings) {
        try (ZipFile ignored = new ZipFile(jar.toFile())) {
            return true;
        } catch (IOException e) {
            warnings.accept("warning: the plugin " + jar + " is not a readable jar (" + e.getMessage() + "); it is not loaded. "
                    + "Fix: rebuild it, or take it out of the plugins folder.");
            return false;
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Path> jars() {
        return jars;
    }

    public ClassLoader loader() {
        return loader;
    }

    /** Where a class came from: its plugin jar, or "built in" for Sweep's own class path. */
    public String originOf(Class<?> type) {
        if (type.getClassLoader() == loader && !jars.isEmpty() && type.getProtectionDomain().getCodeSource() != null) {
            try {
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (Exception e) {
                return type.getProtectionDomain().getCodeSource().getLocation().toString();
            }
        }
        return "built in";
    }
}
