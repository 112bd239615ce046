package dev.sweep.cli;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterValues;
import dev.sweep.train.TrainerParameters;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "architectures", mixinStandardHelpOptions = true,
        description = "List the architectures (built in, or from which plugin jar) and every parameter a sweep file may set, with ranges and defaults.")
final class ArchitecturesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final ArchitectureRegistry registry;
    private final ArchitecturePlugins.ArchitectureOrigins origins;

    @Inject
    ArchitecturesCommand(ArchitectureRegistry registry, ArchitecturePlugins.ArchitectureOrigins origins) {
        this.registry = registry;
        this.origins = origins;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Trainer parameters (every architecture):");
        print(out, TrainerParameters.ALL);
        for (Architecture a : registry.all()) {
            out.println();
            out.println(a.name() + " (" + origins.byName().getOrDefault(a.name(), "built in") + "): " + a.description());
            print(out, a.parameters());
        }
        out.flush();
    }

    private static void print(PrintWriter out, List<ParameterDeclaration> declarations) {
        TextTable table = new TextTable(List.of("  parameter", "allowed", "default", "meaning"));
        for (ParameterDeclaration d : declarations) {
            table.add(List.of("  " + d.name(), d.allowedText(), d.defaultValue() == null ? "-" : ParameterValues.format(d.defaultValue()),
                    d.description()));
        }
        table.print(out);
    }
}
