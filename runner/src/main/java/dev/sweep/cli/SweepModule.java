package dev.sweep.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.prune.PrunerTypes;
import dev.sweep.sample.SamplerTypes;
import dev.sweep.data.DatasetFormats;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.ExecutorTypes;
import dev.sweep.run.LocalTrialExecutor;
import dev.sweep.run.TrialExecutor;

import java.io.PrintStream;
import java.nio.file.Path;

/** Wires the command line: the architectures found by discovery, the in-process executor, one dataset cache. */
final class SweepModule extends AbstractModule {
    private final PrintStream messages;
    private final ArchitecturePlugins architectures;
    private final PrunerTypes pruners;
    private final SamplerTypes samplers;
    private final ExecutorTypes executors;
    private final DatasetFormats formats;
    private final PluginsCommand.Searched plugins;

    SweepModule(PrintStream messages, ArchitecturePlugins architectures, PrunerTypes pruners, SamplerTypes samplers,
                ExecutorTypes executors, DatasetFormats formats, PluginsCommand.Searched plugins) {
        this.messages = messages;
        this.architectures = architectures;
        this.pruners = pruners;
        this.samplers = samplers;
        this.executors = executors;
        this.formats = formats;
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        install(architectures);
        bind(PrunerTypes.class).toInstance(pruners);
        bind(SamplerTypes.class).toInstance(samplers);
        bind(ExecutorTypes.class).toInstance(executors);
        bind(DatasetFormats.class).toInstance(formats);
        bind(PluginsCommand.Searched.class).toInstance(plugins);
        bind(TrialExecutor.class).to(LocalTrialExecutor.class);
    }

    @Provides
    @Singleton
    DatasetRepository datasets() {
        return new DatasetRepository(dataRoot(), messages::println, formats);
    }

    /** Where known datasets are fetched: -Dsweep.data.dir, else $SWEEP_DATA_DIR, else ./data. */
    static Path dataRoot() {
        String property = System.getProperty("sweep.data.dir");
        String env = System.getenv("SWEEP_DATA_DIR");
        return Path.of(property != null ? property : env != null ? env : "data");
    }
}
