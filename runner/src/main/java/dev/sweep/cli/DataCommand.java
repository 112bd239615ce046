package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.config.DatasetSpec;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.CsvFormat;
import dev.sweep.data.ImagesFormat;
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
            description = {"Shapes, classes, image counts per class and split, pixel statistics (per channel for colour), "
                    + "and (with --out) a PNG grid of sample images per class, in colour for colour images.",
                    "DATASET is mnist, a sweep file (its dataset: section, split included), a folder of class folders "
                    + "(train/<class>/, read grey at 28x28 unless a sweep file says otherwise), a labelled CSV file, or a "
                    + "folder of IDX files."})
    static final class Describe implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", arity = "0..1", defaultValue = "mnist",
                description = "mnist (the default), a sweep file, a folder of class folders, a CSV file or a folder of IDX files")
        String dataset;

        @Option(names = "--validation", paramLabel = "N",
                description = "the last N training images form the validation split; default: the sweep file's, else 12000")
        Integer validation;

        @Option(names = "--out", paramLabel = "DIR", description = "write DIR/samples.png, 10 training images per class")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json; default: ${DEFAULT-VALUE}")
        String format;

        @Spec
        CommandSpec spec;

        private final DatasetRepository datasets;
        private final SweepFileLoader loader;

        @Inject
        Describe(DatasetRepository datasets, SweepFileLoader loader) {
            this.datasets = datasets;
            this.loader = loader;
        }

        @Override
        public Integer call() throws Exception {
            Formats.require(format, "table", "json");
            DatasetSpec spec = spec();
            IdxDataset data = datasets.dataset(spec);
            int validation = this.validation != null ? this.validation : spec.validationCount(data.train().count());
            if (validation < 0 || validation >= data.train().count()) {
                throw new UserInputException("--validation must be below the " + data.train().count() + " training images");
            }
            Map<String, Object> facts = DataDescription.describe(data, validation);
            var out = this.spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(facts));
            } else {
                print(out, facts, data);
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

        /** What DATASET names, told apart by what it is: a name, a sweep file, a CSV file, or a folder and what it holds. */
        private DatasetSpec spec() {
            if (dataset.equals("mnist")) {
                return DatasetSpec.mnist();
            }
            Path path = Path.of(dataset);
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                return loader.load(path).dataset();
            }
            Map<String, Object> settings;
            String format;
            if (Files.isRegularFile(path) && name.endsWith(".csv")) {
                format = CsvFormat.NAME;
                settings = Map.of("file", path.toAbsolutePath().toString());
            } else if (Files.isDirectory(path.resolve("train"))) {
                format = ImagesFormat.NAME;
                settings = Map.of("dir", path.toAbsolutePath().toString());
            } else if (Files.isDirectory(path)) {
                return DatasetSpec.idx(path, null, DatasetSpec.DEFAULT_VALIDATION);
            } else {
                throw new UserInputException(dataset + ": neither mnist, a sweep file, a CSV file nor a folder. Fix: give one "
                        + "of those (see ./sweep data describe --help)");
            }
            return new DatasetSpec(format, settings, null, DatasetSpec.DEFAULT_VALIDATION);
        }

        @SuppressWarnings("unchecked")
        private static void print(java.io.PrintWriter out, Map<String, Object> facts, IdxDataset data) {
            List<?> shape = (List<?>) facts.get("image_shape");
            out.printf("%s: %sx%s pixels, %s channel%s, %s classes%n", facts.get("folder"), shape.get(0), shape.get(1), shape.get(2),
                    ((Integer) shape.get(2)) == 1 ? "" : "s", facts.get("classes"));
            Map<String, Map<String, Object>> splits = (Map<String, Map<String, Object>>) facts.get("splits");
            boolean colour = (Integer) shape.get(2) > 1;
            TextTable table = new TextTable(List.of("split", "images", colour ? "mean per channel" : "pixel mean",
                    colour ? "std per channel" : "pixel std", "min", "max", "zero pixels"));
            splits.forEach((name, s) -> table.add(List.of(name, String.valueOf(s.get("images")),
                    String.valueOf(s.get(colour ? "channel_mean" : "pixel_mean")), String.valueOf(s.get(colour ? "channel_std" : "pixel_std")),
                    String.valueOf(s.get("pixel_min")), String.valueOf(s.get("pixel_max")), String.valueOf(s.get("zero_pixels")))));
            table.print(out);
            out.println();
            List<String> columns = new java.util.ArrayList<>(List.of("class", "name"));
            columns.addAll(splits.keySet());
            TextTable classes = new TextTable(columns);
            for (int c = 0; c < data.classes(); c++) {
                List<String> row = new java.util.ArrayList<>(List.of(String.valueOf(c), data.classNames().get(c)));
                for (Map<String, Object> s : splits.values()) {
                    row.add(String.valueOf(((List<Integer>) s.get("label_counts")).get(c)));
                }
                classes.add(row);
            }
            classes.print(out);
            out.println("Missing or corrupt values: 0 (every image passed its format's checks as it was read)");
        }
    }
}
