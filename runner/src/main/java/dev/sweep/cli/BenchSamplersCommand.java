package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.bench.SamplerBenchmark;
import dev.sweep.bench.TestFunction;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplerTypes;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "bench-samplers", mixinStandardHelpOptions = true,
        description = {"Measure the samplers on standard test functions of known minimum (Branin, Hartmann-6, Styblinski-Tang "
                + "in 10 dimensions, and a mixed space with a choice, a stepped int and a log-scaled range), each run as an "
                + "ask-and-tell loop: per sampler, function and seed, the best regret after a quarter, half and all of the "
                + "trials; and per sampler and function, the CPU milliseconds of one suggestion after 100 and 1,000 trials. One "
                + "JSON line per result, as benchmarks/optuna_functions.py prints Optuna's; bin/compare-optuna runs both and "
                + "tabulates them."})
final class BenchSamplersCommand implements Callable<Integer> {
    @Option(names = "--sampler", paramLabel = "TYPE", split = ",", defaultValue = "random,tpe,bayes",
            description = "samplers to measure, at their defaults; tpe+multivariate for TPE with multivariate: true; "
                    + "default: ${DEFAULT-VALUE}")
    List<String> samplers;

    @Option(names = "--function", paramLabel = "NAME", split = ",", description = "test functions; default: all")
    List<String> functions;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "30", description = "seeds 1..N; default: ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "100", description = "0 for the timing only; default: ${DEFAULT-VALUE}")
    int trials;

    @Option(names = "--history", paramLabel = "N", split = ",", defaultValue = "100,1000",
            description = "history sizes to time one suggestion at; 0 for none; default: ${DEFAULT-VALUE}")
    List<Integer> history;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "runs side by side; default: ${DEFAULT-VALUE}")
    int threads;

    @Spec
    CommandSpec spec;

    private final SamplerTypes types;

    @Inject
    BenchSamplersCommand(SamplerTypes types) {
        this.types = types;
    }

    private record Variant(String label, SamplerType type, Map<String, Object> settings) {
    }

    private Variant variant(String label) {
        String[] parts = label.split("\\+");
        SamplerType type = types.find(parts[0]).orElseThrow(() -> new UserInputException("--sampler: no sampler named '" + parts[0]
                + "'; known: " + String.join(", ", types.names())));
        Map<String, Object> settings = new LinkedHashMap<>();
        type.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        for (int i = 1; i < parts.length; i++) {
            if (!(settings.get(parts[i]) instanceof Boolean)) {
                throw new UserInputException("--sampler " + label + ": '" + parts[i] + "' is not a true-or-false setting of " + parts[0]);
            }
            settings.put(parts[i], true);
        }
        if (type.plansItsOwnTrials()) {
            throw new UserInputException("--sampler " + label + ": a grid plans its own points; compare samplers that draw");
        }
        return new Variant(label, type, settings);
    }

    @Override
    public Integer call() throws Exception {
        List<Variant> variants = samplers.stream().map(this::variant).toList();
        List<TestFunction> chosen = TestFunction.all().stream().filter(f -> functions == null || functions.contains(f.name())).toList();
        if (chosen.isEmpty()) {
            throw new UserInputException("--function: none of " + functions + "; known: "
                    + String.join(", ", TestFunction.all().stream().map(TestFunction::name).toList()));
        }
        if (seeds < 1 || trials != 0 && trials < 4 || threads < 1) {
            throw new UserInputException("--seeds and --threads at least 1, --trials 0 (timing only) or at least 4");
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        SamplerType random = types.find("random").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (TestFunction function : chosen) {
                for (Variant v : variants) {
                    List<Future<Map<String, Object>>> runs = new ArrayList<>();
                    for (long seed = 1; seed <= seeds && trials > 0; seed++) {
                        long s = seed;
                        runs.add(pool.submit(() -> {
                            long started = System.nanoTime();
                            double[] regrets = SamplerBenchmark.regrets(v.type(), v.settings(), function, trials, s);
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("tool", "sweep");
                            line.put("sampler", v.label());
                            line.put("function", function.name());
                            line.put("seed", s);
                            line.put("regret", Map.of(String.valueOf(trials / 4), regrets[trials / 4 - 1], String.valueOf(trials / 2),
                                    regrets[trials / 2 - 1], String.valueOf(trials), regrets[trials - 1]));
                            line.put("seconds", (System.nanoTime() - started) / 1e9);
                            return line;
                        }));
                    }
                    for (Future<Map<String, Object>> run : runs) {
                        out.println(json.writeValueAsString(run.get()));
                        out.flush();
                    }
                    for (int size : history.stream().filter(n -> n > 0).toList()) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("tool", "sweep");
                        line.put("sampler", v.label());
                        line.put("function", function.name());
                        line.put("history", size);
                        line.put("cpu_ms_per_suggestion", SamplerBenchmark.millisecondsPerSuggestion(v.type(), v.settings(), function, size,
                                size >= 1000 ? 1 : 5, random));
                        out.println(json.writeValueAsString(line));
                        out.flush();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }
}
