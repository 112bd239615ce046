package dev.sweep.config;

import java.util.List;
import java.util.Map;

/**
 * What runs a sweep's trials: this process ({@code local}, the default) or a Spark cluster.
 *
 * @param master a Spark master URL (local[N], spark://host:port, yarn, k8s://...); null for local
 * @param conf     extra Spark settings, e.g. spark.executor.memory
 * @param shipData send the dataset's files to every executor with Spark, instead of each reading it from the path
 *                 the driver reads it from
 */
public record ExecutorSpec(String type, String master, Map<String, String> conf, boolean shipData) {
    public static final String LOCAL = "local";
    public static final String SPARK = "spark";
    public static final List<String> TYPES = List.of(LOCAL, SPARK);
    public static final ExecutorSpec IN_PROCESS = new ExecutorSpec(LOCAL, null, Map.of(), false);

    public ExecutorSpec {
        conf = Map.copyOf(conf);
    }

    public static ExecutorSpec spark(String master) {
        return new ExecutorSpec(SPARK, master, Map.of(), false);
    }

    public boolean isSpark() {
        return SPARK.equals(type);
    }
}
