package dev.sweep.spark;

import dev.sweep.run.TrialSpec;

import java.io.Serializable;
import java.util.List;

/**
 * One trial execution as a Spark task sends it: the spec, where the worker finds known datasets, and the Guice modules
 * that register the architectures (the framework knows none itself).
 *
 * @param shippedData the dataset's files come with the job (SparkContext.addFile) instead of from their path
 * @param relayUrl    where the task posts its epochs as they end ({@link EpochRelay})
 */
record TrialTask(TrialSpec spec, String dataRoot, List<String> modules, boolean shippedData, String relayUrl)
        implements Serializable {
}
