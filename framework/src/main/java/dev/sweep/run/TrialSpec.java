package dev.sweep.run;

import dev.sweep.config.DatasetSpec;
import dev.sweep.config.Objective;

import java.io.Serializable;
import java.util.Map;

/**
 * Everything an executor needs to run one execution of a trial, and nothing tied to the process that asks: so the
 * same spec can run in this process, on another core, or on another machine.
 *
 * @param repeat which execution of the trial this is, from 0; {@code seed} is already that execution's
 */
public record TrialSpec(String sweepName, int number, int repeat, String architecture, Map<String, Object> parameters,
                        long seed, DatasetSpec dataset, Objective objective) implements Serializable {

    /** The same trial on a copy of its data read elsewhere (shipped to another machine, say). */
    public TrialSpec withDataset(DatasetSpec copy) {
        return new TrialSpec(sweepName, number, repeat, architecture, parameters, seed, copy, objective);
    }
}
