package dev.sweep.spark;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.LocalTrialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor process keeps between tasks: the architectures and the dataset, loaded once per process rather
 * than once per trial.
 */
final class WorkerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
    private static final Map<String, LocalTrialExecutor> EXECUTORS = new ConcurrentHashMap<>();

    private WorkerRuntime() {
    }

    /** In local mode tasks run in the driver's process: they use its executor and the data it has already loaded. */
    static void share(String dataRoot, List<String> modules, LocalTrialExecutor executor) {
        EXECUTORS.put(dataRoot + "|" + modules, executor);
    }

    static LocalTrialExecutor executor(String dataRoot, List<String> modules) {
        return EXECUTORS.computeIfAbsent(dataRoot + "|" + modules, key -> create(dataRoot, modules));
    }

    private static LocalTrialExecutor create(String dataRoot, List<String> moduleNames) {
        List<Module> modules = new ArrayList<>();
        for (String name : moduleNames) {
            try {
                modules.add((Module) Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("this Spark executor cannot load the Guice module " + name + " (" + e
                        + "); its classpath must hold Sweep's jars: see docs/cluster.md", e);
            }
        }
        ArchitectureRegistry architectures = Guice.createInjector(modules).getInstance(ArchitectureRegistry.class);
        return new LocalTrialExecutor(architectures, new DatasetRepository(Path.of(dataRoot), LOG::info));
    }
}
