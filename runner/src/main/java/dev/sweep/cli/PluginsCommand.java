package dev.sweep.cli;

import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.plugin.PluginJars;
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

    @Inject
    PluginsCommand(Searched searched, ArchitecturePlugins.ArchitectureOrigins origins) {
        this.searched = searched;
        this.origins = origins;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Plugin folders (--plugins, then $SWEEP_PLUGINS, then plugins/ beside ./sweep):");
        if (searched.folders().isEmpty()) {
            out.println("  none");
        }
        searched.folders().forEach(f -> out.println("  " + f + (Files.isDirectory(f) ? "" : "  (no such folder)")));
        Map<String, List<String>> byOrigin = origins.byName().entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, java.util.LinkedHashMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().toList()))));
        out.println("Loaded jars:");
        if (searched.jars().jars().isEmpty()) {
            out.println("  none");
        }
        for (Path jar : searched.jars().jars()) {
            List<String> names = byOrigin.getOrDefault(jar.toString(), List.of());
            out.println("  " + jar + ": " + (names.isEmpty() ? "no architectures" : "architectures " + String.join(", ", names)));
        }
        out.println("Built in: architectures " + String.join(", ", byOrigin.getOrDefault("built in", List.of())));
        out.flush();
    }
}
