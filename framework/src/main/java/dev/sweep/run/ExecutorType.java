package dev.sweep.run;

import dev.sweep.config.ExecutorSpec;
import dev.sweep.space.ParameterDeclaration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A kind of executor a sweep file can name ({@code executor: {type: NAME, ...}}): an extension point found by
 * discovery ({@code META-INF/services/dev.sweep.run.ExecutorType}), Sweep's own ({@code local}, {@code spark}) like a
 * plugin's. Its settings are declared like a sampler's and checked against the file, each problem at its place; a
 * type may also take {@code conf:}, a mapping of text to text passed on as it is (Spark's own settings, say).
 */
public interface ExecutorType {
    /** What {@code type:} and {@code --executor} say. */
    String name();

    /** One line for {@code ./sweep plugins} and the docs. */
    String description();

    /** Every setting besides {@code type} and {@code conf}, with its type, range and default. */
    List<ParameterDeclaration> settings();

    /** Whether it takes {@code conf:}; a type that does not refuses one. */
    default boolean takesConf() {
        return false;
    }

    /** What is wrong with the settings together (a setting it needs, a conf key it cannot use), and how to fix it. */
    record Problem(String setting, String message, String fix) {
    }

    /** None by default. */
    default List<Problem> problemsWith(Map<String, Object> settings, Map<String, String> conf) {
        return List.of();
    }

    /** Where the trials will run, for {@code plan}; null for this process, which needs no saying. */
    default String plans(ExecutorSpec spec) {
        return null;
    }

    /** Runs one sweep's trials until closed; its {@link #describe()} is printed when the sweep starts. */
    interface Session extends TrialExecutor, AutoCloseable {
        String describe();

        @Override
        void close();
    }

    /**
     * What a session may need from the process that runs the sweep.
     *
     * @param dataRoot   where known datasets are fetched to
     * @param dataset    the sweep's dataset
     * @param shipment   what ship_data sends of it, asked only by executors that ship it
     * @param local      the in-process executor, for a session that runs trials here too (Spark's local mode)
     * @param modules    the Guice modules a worker process installs to run trials as this process does
     */
    record Context(String sweepName, Path dataRoot, dev.sweep.config.DatasetSpec dataset,
                   java.util.function.Supplier<java.util.Optional<dev.sweep.data.DatasetShipment>> shipment, LocalTrialExecutor local,
                   List<Class<? extends com.google.inject.Module>> modules) {
    }

    /** Null for the in-process executor, which the sweep runner has already. */
    Session start(ExecutorSpec spec, Context context);
}
