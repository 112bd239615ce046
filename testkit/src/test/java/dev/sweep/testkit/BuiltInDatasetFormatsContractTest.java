package dev.sweep.testkit;

import dev.sweep.data.CsvFormat;
import dev.sweep.data.DatasetFormats;
import dev.sweep.data.IdxFormat;
import dev.sweep.data.ImagesFormat;
import dev.sweep.data.MnistFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sweep's own dataset formats pass the contract that plugins extend: mnist, idx over MNIST's own files, csv of them. */
class BuiltInDatasetFormatsContractTest {
    @Test
    void everyDiscoveredFormatHasItsContractHere() {
        assertThat(DatasetFormats.builtIn().names()).containsExactlyInAnyOrder("mnist", "idx", "csv", "images");
    }

    @Nested
    class Mnist extends DatasetFormatContract {
        Mnist() {
            super(new MnistFormat(), Map.of());
        }
    }

    @Nested
    class Idx extends DatasetFormatContract {
        Idx() {
            // The mnist format's own test has fetched it by then, or fetches it here first.
            super(new IdxFormat(), Map.of(IdxFormat.DIR, mnistFolder().toString()));
        }
    }

    @Nested
    class Csv extends DatasetFormatContract {
        Csv() throws java.io.IOException {
            super(new CsvFormat(), Map.of("file", MnistFiles.csv(TEMPORARY.resolve("contract.csv"), 0, 300).toString(),
                    "label", "label", "height", 0, "width", 0, "test_fraction", 0.2));
        }
    }

    @Nested
    class Images extends DatasetFormatContract {
        Images() throws java.io.IOException {
            super(new ImagesFormat(), Map.of("dir", pictures("grey").toString(), "height", 28, "width", 28, "test_fraction", 0.2,
                    "on_bad_file", "fail"));
        }
    }

    @Nested
    class ColourImages extends DatasetFormatContract {
        ColourImages() throws java.io.IOException {
            super(new ImagesFormat(), Map.of("dir", pictures("colour").toString(), "height", 20, "width", 24, "channels", 3,
                    "test_fraction", 0.2, "on_bad_file", "fail"));
        }
    }

    /** One folder for every test of this class, removed when the JVM ends. */
    private static final Path TEMPORARY = temporary();

    private static Path temporary() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("contract-formats");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // a temporary folder left behind is no test's failure
                }
            }));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Class folders of MNIST digits, grey or tinted, written once. */
    private static synchronized Path pictures(String kind) throws java.io.IOException {
        Path dir = TEMPORARY.resolve(kind);
        if (!java.nio.file.Files.isDirectory(dir)) {
            if (kind.equals("grey")) {
                MnistFiles.pngFolders(dir.resolve("train"), 0, 200);
            } else {
                MnistFiles.tintedFolders(dir.resolve("train"), 0, 200);
            }
        }
        return dir;
    }

    private static Path mnistFolder() {
        Path root = Path.of(System.getProperty("sweep.data.dir", "data"));
        new MnistFormat().load(Map.of(), root, message -> { });
        return root.resolve("mnist");
    }
}
