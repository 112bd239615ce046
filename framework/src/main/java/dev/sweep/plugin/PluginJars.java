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
 *
 * <p>A plugin runs as the user, in every command. So a folder or jar that another account could have written (group-
 * or world-writable, or owned by someone other than the user or root) is not loaded, with a warning that says how to
 * fix its permissions, as ssh refuses a key file others can write.
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
            String folderDoubt = doubt(folder);
            if (folderDoubt != null) {
                warnings.accept("warning: the plugin folder " + folder + " " + folderDoubt + ", so another account could put code in "
                        + "it that runs as you; its plugins are not loaded. Fix: chmod go-w " + folder + " (and make it yours)");
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    String jarDoubt = doubt(jar);
                    if (jarDoubt != null) {
                        warnings.accept("warning: the plugin " + jar + " " + jarDoubt + ", so another account could have changed "
                                + "it; it is not loaded. Fix: chmod go-w " + jar + " (and make it yours)");
                    } else if (readable(jar, warnings)) {
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

    /** Why another account could have written the file, or null when only the user (or root) could. */
    static String doubt(Path file) {
        try {
            java.nio.file.attribute.PosixFileAttributes attributes = Files.readAttributes(file,
                    java.nio.file.attribute.PosixFileAttributes.class);
            java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = attributes.permissions();
            String mode = java.nio.file.attribute.PosixFilePermissions.toString(permissions);
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                return "can be written by every account (" + mode + ")";
            }
            // A user's private group (named as the user, umask 002) holds no other account.
            boolean privateGroup = attributes.group().getName().equals(attributes.owner().getName());
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE) && !privateGroup) {
                return "can be written by its group " + attributes.group().getName() + " (" + mode + ")";
            }
            String owner = attributes.owner().getName();
            String user = System.getProperty("user.name");
            if (!owner.equals(user) && !owner.equals("root")) {
                return "belongs to " + owner + ", not to you (" + user + ")";
            }
            return null;
        } catch (UnsupportedOperationException e) {
            return null; // no POSIX permissions to judge by (Windows)
        } catch (IOException e) {
            return "cannot be checked (" + e.getMessage() + ")";
        }
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
