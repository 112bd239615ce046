package dev.sweep.cli;

import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.plugin.PluginJars;
import dev.sweep.prune.PrunerTypes;
import dev.sweep.run.ExecutorTypes;
import dev.sweep.sample.SamplerTypes;
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
    private final SamplerTypes samplers;
    private final ExecutorTypes executors;
    private final dev.sweep.data.DatasetFormats formats;

    @Inject
    PluginsCommand(Searched searched, ArchitecturePlugins.ArchitectureOrigins origins, PrunerTypes pruners, SamplerTypes samplers,
                   ExecutorTypes executors, dev.sweep.data.DatasetFormats formats) {
        this.executors = executors;
        this.formats = formats;
        this.searched = searched;
        this.origins = origins;
        this.pruners = pruners;
        this.samplers = samplers;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Plugin folders (--plugins, then $SWEEP_PLUGINS, then plugins/ beside ./sweep):");
        if (searched.folders().isEmpty()) {
            out.println("  none");
        }
        searched.folders().forEach(f -> out.println("  " + f + (Files.isDirectory(f) ? "" : "  (no such folder)")));
        out.println("Loaded jars:");
        if (searched.jars().jars().isEmpty()) {
            out.println("  none");
        }
        Map<String, Map<String, List<String>>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("architectures", group(origins.byName()));
        kinds.put("pruners", group(pruners.origins()));
        kinds.put("samplers", group(samplers.origins()));
        kinds.put("executors", group(executors.origins()));
        kinds.put("dataset formats", group(formats.origins()));
        for (Path jar : searched.jars().jars()) {
            out.println("  " + jar + ": " + brings(kinds, jar.toString()));
        }
        out.println("Built in: " + brings(kinds, "built in"));
        out.flush();
    }

    /** Names by where they came from, each list sorted. */
    private static Map<String, List<String>> group(Map<String, String> originByName) {
        return originByName.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue, java.util.LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().sorted().toList()))));
    }

    /** @param kinds for each kind of extension, its names by where they came from */
    private static String brings(Map<String, Map<String, List<String>>> kinds, String origin) {
        List<String> parts = new java.util.ArrayList<>();
        kinds.forEach((kind, byOrigin) -> {
            if (byOrigin.containsKey(origin)) {
                parts.add(kind + " " + String.join(", ", byOrigin.get(origin)));
            }
        });
        return parts.isEmpty() ? "no extensions" : String.join("; ", parts);
    }
}
