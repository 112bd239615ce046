package dev.sweep.cli;

import com.google.inject.Guice;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.plugin.ArchitecturePlugins;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped sweep files: each one validates and says, in its heading, what it reproduces. */
class SearchSpacesTest {
    private static final Path FOLDER = Path.of("..", "search-spaces");
    private final SweepFileLoader loader = new SweepFileLoader(
            Guice.createInjector(new ArchitecturePlugins()).getInstance(ArchitectureRegistry.class));

    @TestFactory
    Stream<DynamicTest> everyShippedSweepFileValidatesUnderItsOwnName() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(FOLDER)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("quickstart.yaml", "seed004-keras-tuner.yaml");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            SweepDefinition sweep = loader.load(file);
            assertThat(sweep.name() + ".yaml").isEqualTo(file.getFileName().toString());
            assertThat(Files.readAllLines(file).get(0)).startsWith("# ");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySeedFileNamesTheAccuracyOrAbsenceOfOneThatItsSeedReports() throws IOException {
        try (Stream<Path> listing = Files.list(FOLDER)) {
            return listing.filter(p -> p.getFileName().toString().startsWith("seed")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        String heading = String.join("\n", Files.readAllLines(file).stream()
                                .takeWhile(line -> line.startsWith("#")).toList());
                        assertThat(heading).containsAnyOf("reports", "does not keep");
                        assertThat(file.getFileName().toString()).matches("seed\\d{3}-[a-z0-9-]+\\.yaml");
                    }));
        }
    }
}
