package dev.sweep.spark;

import dev.sweep.data.DatasetShipment;
import dev.sweep.run.TrialSpec;

import java.io.Serializable;
import java.util.List;

/**
 * One trial execution as a Spark task sends it: the spec, where the worker finds known datasets, and the Guice modules
 * that register the architectures (the framework knows none itself).
 *
 * @param shipment    the dataset's files came with the job (SparkContext.addFile), to be read as this says; null when
 *                    the dataset is read from its path
 * @param relayUrl    where the task posts its epochs as they end ({@link EpochRelay})
 */
record TrialTask(TrialSpec spec, String dataRoot, List<String> modules, DatasetShipment shipment, String relayUrl)
        implements Serializable {
}
