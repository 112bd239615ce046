package dev.sweep.cli;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
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
        description = "List the registered architectures and every parameter a sweep file may set, with ranges and defaults.")
final class ArchitecturesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final ArchitectureRegistry registry;

    @Inject
    ArchitecturesCommand(ArchitectureRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Trainer parameters (every architecture):");
        print(out, TrainerParameters.ALL);
        for (Architecture a : registry.all()) {
            out.println();
            out.println(a.name() + ": " + a.description());
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
