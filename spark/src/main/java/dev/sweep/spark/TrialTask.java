package dev.sweep.spark;

import dev.sweep.run.TrialSpec;

import java.io.Serializable;
import java.util.List;

/**
 * One trial execution as a Spark task sends it: the spec, where the worker finds known datasets, and the Guice modules
 * that register the architectures (the framework knows none itself).
 */
record TrialTask(TrialSpec spec, String dataRoot, List<String> modules) implements Serializable {
}
