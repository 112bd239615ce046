package dev.sweep.analysis;

import dev.sweep.config.SweepDefinition;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterSpec;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ParameterImportance} of a stored sweep: its complete trials, under the sweep file's own keys. */
public final class SweepImportance {
    private SweepImportance() {
    }

    /** The trials it is computed from: the complete ones with an objective. */
    public static List<TrialRecord> used(List<TrialRecord> trials) {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE && t.objectiveValue() != null).toList();
    }

    public static Map<String, Double> of(SweepDefinition definition, List<TrialRecord> trials, boolean maximize) {
        ArchitectureBranches branches = definition.branches();
        Map<String, ParameterSpec> space = new LinkedHashMap<>();
        definition.parameters().forEach((key, spec) -> {
            if (!spec.isFixed()) {
                space.put(key, spec);
            }
        });
        List<ParameterImportance.Trial> analysed = new ArrayList<>();
        for (TrialRecord t : used(trials)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : space.keySet()) {
                String value = SweepKeys.valueOf(t, key, branches);
                if (value != null) {
                    values.put(key, value);
                }
            }
            analysed.add(new ParameterImportance.Trial(values, t.objectiveValue()));
        }
        return ParameterImportance.of(space, analysed, maximize);
    }
}
