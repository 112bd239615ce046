package dev.sweep.cli;

import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.plugin.PluginJars;
import dev.sweep.prune.PrunerTypes;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Where Sweep looks for plugin jars, the jars it loaded, and the extensions each one brings.")
final class PluginsCommand implements Runnable {
    /** The folders searched and the jars they held, as this process loaded them. */
    record Searched(List<Path> folders, PluginJars jars) {
    }

    @Spec
    CommandSpec spec;

    private final Searched searched;
    private final ArchitecturePlugins.ArchitectureOrigins origins;
    private final PrunerTypes pruners;

    @Inject
    PluginsCommand(Searched searched, ArchitecturePlugins.ArchitectureOrigins origins, PrunerTypes pruners) {
        this.searched = searched;
        this.origins = origins;
        this.pruners = pruners;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Plugin folders (--plugins, then $SWEEP_PLUGINS, then plugins/ beside ./sweep):");
        if (searched.folders().isEmpty()) {
            out.println("  none");
        }
        searched.folders().forEach(f -> out.println("  " + f + (Files.isDirectory(f) ? "" : "  (no such folder)")));
        Map<String, List<String>> byOrigin = group(origins.byName());
        out.println("Loaded jars:");
        if (searched.jars().jars().isEmpty()) {
            out.println("  none");
        }
        Map<String, List<String>> prunersByOrigin = group(pruners.origins());
        for (Path jar : searched.jars().jars()) {
            out.println("  " + jar + ": " + brings(byOrigin, prunersByOrigin, jar.toString()));
        }
        out.println("Built in: " + brings(byOrigin, prunersByOrigin, "built in"));
        out.flush();
    }

    /** Names by where they came from, each list sorted. */
    private static Map<String, List<String>> group(Map<String, String> originByName) {
        return originByName.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue, java.util.LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().sorted().toList()))));
    }

    private static String brings(Map<String, List<String>> architectures, Map<String, List<String>> pruners, String origin) {
        List<String> parts = new java.util.ArrayList<>();
        if (architectures.containsKey(origin)) {
            parts.add("architectures " + String.join(", ", architectures.get(origin)));
        }
        if (pruners.containsKey(origin)) {
            parts.add("pruners " + String.join(", ", pruners.get(origin)));
        }
        return parts.isEmpty() ? "no extensions" : String.join("; ", parts);
    }
}
