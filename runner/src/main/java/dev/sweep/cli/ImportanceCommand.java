package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.analysis.ParameterImportance;
import dev.sweep.analysis.SweepImportance;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialRecord;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "importance", mixinStandardHelpOptions = true,
        description = {"Which searched parameters decide the objective, by PED-ANOVA (Watanabe et al. 2023, Optuna's "
                + "PedAnovaImportanceEvaluator): how far the values of the best 10% of the complete trials are from "
                + "those of all of them, per parameter, normalised to sum to 1."})
final class ImportanceCommand implements Callable<Integer> {
    /** Fewer complete trials than this leave the best 10% at two or three: the figures are then mostly chance. */
    static final int FEW_TRIALS = 20;

    static final String NOTHING_STANDS_OUT = "No parameter's values set the best trials apart from the others";

    enum Format { table, json }

    @Parameters(paramLabel = "SWEEP", description = "the sweep's name")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json; default: ${DEFAULT-VALUE}")
    Format format;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    private final SweepFileLoader loader;

    @Inject
    ImportanceCommand(SweepFileLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Double> importance;
        int used;
        try (ExperimentStore store = database.read()) {
            SweepRecord sweep = Trials.sweep(store, name);
            SweepDefinition definition = Trials.definition(loader, sweep);
            List<TrialRecord> trials = store.trials(sweep.id());
            used = SweepImportance.used(trials).size();
            if (used < ParameterImportance.MIN_TRIALS) {
                throw new UserInputException("sweep '" + name + "' has " + Plural.of(used, "complete trial") + "; importance compares "
                        + "the best ones with all, and needs " + ParameterImportance.MIN_TRIALS + " at the least, a few dozen to mean "
                        + "much. Fix: let it run (run its file again to resume it)");
            }
            importance = SweepImportance.of(definition, trials, sweep.maximizes());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sweep", name);
            json.put("method", "ped-anova");
            json.put("complete_trials", used);
            json.put("importance", importance);
            if (importance.isEmpty()) {
                json.put("note", NOTHING_STANDS_OUT);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        } else if (importance.isEmpty()) {
            out.printf("%s (%s of sweep '%s').%n", NOTHING_STANDS_OUT, Plural.of(used, "complete trial"), name);
        } else {
            TextTable table = new TextTable(List.of("parameter", "importance", ""));
            importance.forEach((key, value) -> table.add(List.of(key, String.format(Locale.ROOT, "%.3f", value),
                    "#".repeat((int) Math.round(value * 40)))));
            table.print(out);
            out.printf("PED-ANOVA over the %d complete trials of sweep '%s' (the best 10%% against all).%s%n", used, name,
                    used < FEW_TRIALS ? " With so few trials these figures are mostly chance." : "");
        }
        out.flush();
        return 0;
    }
}
