package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.run.Benchmark;
import dev.sweep.run.StepProfiler;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure each architecture at its defaults (batch 64, Adam, one OpenMP thread): training images/s in "
                + "steady state, the time of one 60,000-image epoch, evaluation images/s, peak resident memory, and the "
                + "framework's overhead in a real one-trial sweep. Each architecture runs in a JVM of its own so that its "
                + "memory is its own.",
                "With --peer FILE (JSON lines of ../shared/peers/train_bench.py) it prints PyTorch's figures and the ratio."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--arch", paramLabel = "NAME", description = "an architecture to measure (repeatable); default: all")
    List<String> archs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json; default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "seconds of timed training per architecture, and about the length of the overhead sweep; default: ${DEFAULT-VALUE}")
    double seconds;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--peer", paramLabel = "FILE", description = "PyTorch reference results: the JSON lines train_bench.py printed")
    Path peer;

    @Option(names = "--profile", description = "profile one architecture's training steps (Java Flight Recorder) and print "
            + "the frames most often on top of the training thread's stack; a native call shows as the Java method making it")
    boolean profile;

    @Option(names = "--in-this-process", hidden = true, description = "measure here and print one JSON line (the child mode)")
    boolean inThisProcess;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArchitectureRegistry registry;
    private final Benchmark benchmark;

    @Inject
    BenchCommand(ArchitectureRegistry registry, Benchmark benchmark) {
        this.registry = registry;
        this.benchmark = benchmark;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Formats.require(format, "table", "json");
        if (seconds <= 0 || batchSize < 1) {
            throw new UserInputException("--seconds and --batch-size must be positive");
        }
        List<String> names = archs == null || archs.isEmpty() ? registry.names() : archs;
        for (String name : names) {
            if (registry.find(name).isEmpty()) {
                throw new UserInputException("unknown architecture '" + name + "'; known: " + String.join(", ", registry.names()));
            }
        }
        if (profile) {
            if (names.size() != 1) {
                throw new UserInputException("--profile measures one architecture: name it with --arch NAME");
            }
            TextTable table = new TextTable(List.of("self", "total", "frame"));
            for (StepProfiler.Frame f : benchmark.profile(names.get(0), batchSize, seconds, 25)) {
                table.add(List.of(String.format(Locale.ROOT, "%.1f%%", 100 * f.selfShare()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * f.totalShare()), f.method()));
            }
            table.print(out);
            out.println("Shares of the training thread's samples over " + seconds + " s of steps, batch " + batchSize + ".");
            out.flush();
            return 0;
        }
        Map<String, JsonNode> reference = peer == null ? Map.of() : PeerResults.read(peer);
        if (inThisProcess) {
            out.println(JSON.writeValueAsString(benchmark.measure(names.get(0), batchSize, seconds).asMap()));
            out.flush();
            return 0;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> row = measureInChild(name);
            JsonNode torch = reference.get(name);
            if (torch != null) {
                double torchRate = torch.path("train_img_per_s").asDouble();
                row.put("peer_train_images_per_s", torchRate);
                row.put("peer_epoch_seconds", torch.path("epoch_s").asDouble());
                row.put("ratio_to_peer", Math.round(((Number) row.get("train_images_per_s")).doubleValue() / torchRate * 1000) / 1000.0);
            }
            rows.add(row);
            if (format.equals("json")) {
                out.println(JSON.writeValueAsString(row));
                out.flush();
            }
        }
        if (format.equals("table")) {
            printTable(out, rows, !reference.isEmpty());
        }
        return 0;
    }

    /** A fresh JVM per architecture, with this one's options: its peak memory is the architecture's alone. */
    private Map<String, Object> measureInChild(String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "--in-this-process",
                "--arch", name, "--seconds", Double.toString(seconds), "--batch-size", Integer.toString(batchSize)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (code != 0 || last == null) {
            throw new IllegalStateException("measuring " + name + " failed (exit " + code + "): " + output.strip());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> row = JSON.readValue(last, LinkedHashMap.class);
        return row;
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows, boolean withPeer) {
        List<String> header = new ArrayList<>(List.of("arch", "params", "train img/s", "img/CPU-s", "epoch s (60k)", "eval img/s",
                "peak RSS MB", "overhead", "measuring"));
        if (withPeer) {
            header.addAll(List.of("PyTorch img/s", "ratio"));
        }
        TextTable table = new TextTable(header);
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(r.get("arch")), String.format(Locale.ROOT, "%,d", ((Number) r.get("params")).longValue()),
                    String.format(Locale.ROOT, "%,.0f", number(r, "train_images_per_s")),
                    String.format(Locale.ROOT, "%,.0f", number(r, "train_images_per_cpu_s")), String.format(Locale.ROOT, "%.1f", number(r, "epoch_seconds")),
                    String.format(Locale.ROOT, "%,.0f", number(r, "eval_images_per_s")), String.format(Locale.ROOT, "%.0f", number(r, "peak_rss_mb")),
                    String.format(Locale.ROOT, "%.2f%%", 100 * number(r, "overhead_share")),
                    String.format(Locale.ROOT, "%.1f%%", 100 * number(r, "measuring_share_3_epochs"))));
            if (withPeer) {
                cells.add(r.containsKey("peer_train_images_per_s") ? String.format(Locale.ROOT, "%,.0f", number(r, "peer_train_images_per_s")) : "-");
                cells.add(r.containsKey("ratio_to_peer") ? String.format(Locale.ROOT, "%.2f", number(r, "ratio_to_peer")) : "-");
            }
            table.add(cells);
        }
        table.print(out);
        out.println("Batch 64, Adam, one OpenMP thread per JVM. img/CPU-s: training images per CPU-second of the training thread, "
                + "which a busy machine hardly changes. epoch s: 60,000 images at the steady-state rate. overhead: the "
                + "share of a one-trial sweep's wall time spent outside fitting and evaluating. measuring: the share of a "
                + "3-epoch trial on 48,000/12,000 images spent on validation, the training-accuracy sample and the test "
                + "images, from the two rates.");
        out.flush();
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    /** The PyTorch reference's one-thread training lines, by architecture. */
    static final class PeerResults {
        private PeerResults() {
        }

        static Map<String, JsonNode> read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": no such file. Fix: run ../shared/peers/train_bench.py --threads 1 "
                        + "--data DIR > " + file + " first (see docs/performance.md)");
            }
            Map<String, JsonNode> byArch = new LinkedHashMap<>();
            int number = 0;
            for (String line : Files.readAllLines(file)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new UserInputException(file + ":" + number + ": not a JSON line of train_bench.py (" + e.getMessage().lines().findFirst().orElse("")
                            + "). Fix: give the file its --threads 1 run printed");
                }
                if ("train_epoch".equals(node.path("bench").asText()) && node.path("threads").asInt() == 1) {
                    byArch.put(node.path("arch").asText(), node);
                }
            }
            return byArch;
        }
    }
}
