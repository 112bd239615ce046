package dev.sweep.run;

import dev.sweep.config.DatasetSpec;

import java.util.Map;

/**
 * Everything an executor needs to run one trial, and nothing tied to the process that asks: so the same spec can
 * run in this process, on another core, or on another machine.
 */
public record TrialSpec(String sweepName, int number, String architecture, Map<String, Object> parameters, long seed,
                        DatasetSpec dataset) {
}
