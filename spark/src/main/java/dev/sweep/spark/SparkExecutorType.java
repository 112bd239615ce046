package dev.sweep.spark;

import dev.sweep.config.ExecutorSpec;
import dev.sweep.run.ExecutorType;
import dev.sweep.space.ParameterDeclaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code executor: {type: spark, master: URL, conf: {spark.x: v}, ship_data: false}}: each trial a Spark task, as
 * many at once as the cluster has task slots (or {@code parallel}, if larger).
 */
public final class SparkExecutorType implements ExecutorType {
    public static final String NAME = "spark";
    static final String MASTER = "master";
    static final String SHIP_DATA = "ship_data";

    /** The section a file with these settings gives. */
    public static ExecutorSpec spec(String master, Map<String, String> conf, boolean shipData) {
        return new ExecutorSpec(NAME, Map.of(MASTER, master, SHIP_DATA, shipData), conf);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a Spark cluster: each trial a Spark task, as many at once as it has task slots";
    }

    @Override
    public List<ParameterDeclaration> settings() {
        return List.of(ParameterDeclaration.textParam(MASTER, null, "the Spark master: local[N], spark://HOST:PORT, yarn or k8s://URL"),
                ParameterDeclaration.booleanParam(SHIP_DATA, false,
                        "send the dataset's files to every executor, instead of each reading them from the driver's path"));
    }

    @Override
    public boolean takesConf() {
        return true;
    }

    @Override
    public List<Problem> problemsWith(Map<String, Object> settings, Map<String, String> conf) {
        List<Problem> problems = new ArrayList<>();
        if (settings.get(MASTER) == null) {
            problems.add(new Problem(null, "a spark executor needs a master",
                    "e.g. master: \"local[2]\", \"spark://HOST:7077\", yarn or k8s://URL"));
        }
        conf.keySet().stream().filter(key -> !key.startsWith("spark.")).forEach(key ->
                problems.add(new Problem("conf", "'" + key + "' is not a Spark setting", "Spark settings start with spark.")));
        return problems;
    }

    @Override
    public String plans(ExecutorSpec spec) {
        return "Trials run as Spark tasks on master " + spec.text(MASTER) + (spec.conf().isEmpty() ? "" : " with " + spec.conf())
                + (spec.flag(SHIP_DATA) ? ", the dataset shipped to every executor" : "") + "; the time estimate below is for this machine";
    }

    @Override
    public Session start(ExecutorSpec spec, Context context) {
        return SparkTrialExecutor.start(spec, context);
    }
}
