package dev.sweep.analysis;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterResolver;
import dev.sweep.store.TrialRecord;

/** A stored trial's values under the sweep file's keys ({@code mlp.units}, {@code architecture}, ...). */
public final class SweepKeys {
    private static final String INACTIVE = ParameterResolver.Source.INACTIVE.label();

    private SweepKeys() {
    }

    /** The trial's value of a sweep key; null where the key is another architecture's or its condition left it out. */
    public static String valueOf(TrialRecord trial, String key, ArchitectureBranches branches) {
        if (key.equals(ArchitectureBranches.KEY)) {
            return trial.architecture();
        }
        String name = branches.ownName(trial.architecture(), key);
        if (name == null || INACTIVE.equals(trial.parameterSources().get(name))) {
            return null;
        }
        return trial.parameters().get(name);
    }
}
