package dev.sweep.cli;

import dev.sweep.dashboard.DashboardServer;
import dev.sweep.store.ExperimentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a live, read-only dashboard of the database's sweeps in the browser: every sweep's progress; "
                + "a sweep's leaderboard (sortable, filtered by state and by --where expressions), optimization history, "
                + "learning curves with pruned trials marked, and the objective against each parameter; a trial's "
                + "parameters, metrics and curves. It reads the database afresh every two seconds, so a sweep that is "
                + "running shows its trials as they finish. Ctrl-C stops it."})
final class DashboardCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "the port; 0 picks a free one; default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the address to listen on; default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface. Every "
                    + "request needs the access token printed at start, on loopback too")
    String host;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    private final dev.sweep.config.SweepFileLoader loader;
    private final dev.sweep.data.DatasetRepository datasets;

    @jakarta.inject.Inject
    DashboardCommand(dev.sweep.config.SweepFileLoader loader, dev.sweep.data.DatasetRepository datasets) {
        this.loader = loader;
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserInputException("--port is 0..65535, not " + port);
        }
        ExperimentStore store = database.read();
        String token = DashboardServer.newToken();
        DashboardServer server;
        try {
            server = DashboardServer.start(store, host, port, token, this::importance, this::images);
        } catch (RuntimeException e) {
            store.close();
            throw new UserInputException("cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "). Fix: choose another --port (0 picks a free one) or --host");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "dashboard-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Dashboard of " + database.location + " at " + server.address()
                + "\n  (every request needs that token, which the address carries: keep it to yourself)"
                + "\nCtrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }

    private java.util.Optional<java.util.Map<String, Double>> importance(ExperimentStore store, String name) {
        return store.findSweep(name).flatMap(sweep -> {
            java.util.List<dev.sweep.store.TrialRecord> trials = store.trials(sweep.id());
            if (dev.sweep.analysis.SweepImportance.used(trials).size() < dev.sweep.analysis.ParameterImportance.MIN_TRIALS) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(dev.sweep.analysis.SweepImportance.of(Trials.definition(loader, sweep), trials, sweep.maximizes()));
        });
    }

    /** The last trials' pictures: running a model on 10,000 test images takes a second or more, and pages poll. */
    private final java.util.Map<Long, java.util.Optional<dev.sweep.report.ModelFigures>> figures = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, java.util.Optional<dev.sweep.report.ModelFigures>> eldest) {
            return size() > 8;
        }
    };

    private java.util.Optional<byte[]> images(ExperimentStore store, long id, String which) {
        java.util.Optional<dev.sweep.report.ModelFigures> found = figures.computeIfAbsent(id, key -> store.trial(key).flatMap(trial -> {
            if (trial.state() != dev.sweep.store.TrialState.COMPLETE) {
                return java.util.Optional.empty();
            }
            dev.sweep.config.SweepDefinition definition = Trials.definition(loader, store.findSweep(trial.sweepName()).orElseThrow());
            try {
                return dev.sweep.report.ModelFigures.of(trial, store, datasets.split(definition.dataset()));
            } catch (java.io.IOException e) {
                return java.util.Optional.empty();
            }
        }));
        return found.flatMap(f -> which.equals("mistakes") ? f.mistakes() : f.filters());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
