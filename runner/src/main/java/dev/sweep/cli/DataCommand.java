package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.config.DatasetSpec;
import dev.sweep.data.DatasetRepository;
import dev.sweep.data.IdxDataset;
import dev.sweep.report.DataDescription;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Look at a dataset.",
        subcommands = DataCommand.Describe.class)
final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Shapes, label counts per split, pixel statistics, missing or corrupt values, and (with --out) a "
                    + "PNG grid of sample images per class.")
    static final class Describe implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", arity = "0..1", defaultValue = "mnist",
                description = "mnist (the default), or a folder of IDX files")
        String dataset;

        @Option(names = "--validation", paramLabel = "N", defaultValue = "12000",
                description = "the last N training images form the validation split; default: ${DEFAULT-VALUE}")
        int validation;

        @Option(names = "--out", paramLabel = "DIR", description = "write DIR/samples.png, 10 training images per class")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json; default: ${DEFAULT-VALUE}")
        String format;

        @Spec
        CommandSpec spec;

        private final DatasetRepository datasets;

        @Inject
        Describe(DatasetRepository datasets) {
            this.datasets = datasets;
        }

        @Override
        public Integer call() throws Exception {
            Formats.require(format, "table", "json");
            DatasetSpec spec = dataset.equals("mnist") ? DatasetSpec.mnist()
                    : DatasetSpec.idx(Path.of(dataset), null, validation);
            if (!dataset.equals("mnist") && !Files.isDirectory(Path.of(dataset))) {
                throw new UserInputException(dataset + ": neither mnist nor a folder. Fix: give mnist or a folder of IDX files");
            }
            IdxDataset data = datasets.dataset(spec);
            if (validation < 0 || validation >= data.train().count()) {
                throw new UserInputException("--validation must be below the " + data.train().count() + " training images");
            }
            Map<String, Object> facts = DataDescription.describe(data, validation);
            var out = this.spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(facts));
            } else {
                out.printf("%s: %s images, %s classes%n", facts.get("folder"), facts.get("image_shape"), facts.get("classes"));
                TextTable table = new TextTable(List.of("split", "images", "pixel mean", "pixel std", "min", "max", "zero pixels",
                        "label counts 0.." + ((int) facts.get("classes") - 1)));
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> splits = (Map<String, Map<String, Object>>) facts.get("splits");
                splits.forEach((name, s) -> table.add(List.of(name, String.valueOf(s.get("images")), String.valueOf(s.get("pixel_mean")),
                        String.valueOf(s.get("pixel_std")), String.valueOf(s.get("pixel_min")), String.valueOf(s.get("pixel_max")),
                        String.valueOf(s.get("zero_pixels")), String.valueOf(s.get("label_counts")))));
                table.print(out);
                out.println("Missing or corrupt values: 0 (every file passed the IDX checks: sizes, counts, label range)");
            }
            if (this.out != null) {
                Files.createDirectories(this.out);
                Path png = this.out.resolve("samples.png");
                Files.write(png, DataDescription.samples(data, 10));
                out.println("Wrote " + png);
            }
            out.flush();
            return 0;
        }
    }
}
