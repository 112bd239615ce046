package dev.sweep.testkit;

import dev.sweep.data.DataException;
import dev.sweep.config.DatasetSpec;
import dev.sweep.data.DatasetFormat;
import dev.sweep.data.DatasetFormats;
import dev.sweep.data.DatasetShipment;
import dev.sweep.data.IdxDataset;
import dev.sweep.data.ImageSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every dataset format must do, Sweep's own and a plugin's; a plugin's test extends it in one line, giving the
 * format and the settings of a dataset on the test machine:
 * {@code class MyFormatContractTest extends DatasetFormatContract { MyFormatContractTest() { super(new MyFormat(), settings); } }}.
 */
public abstract class DatasetFormatContract {
    private final DatasetFormat format;
    private final Map<String, Object> working;

    /** @param working settings, as a sweep file gives them, of a dataset that this machine holds */
    protected DatasetFormatContract(DatasetFormat format, Map<String, Object> working) {
        this.format = format;
        this.working = working;
    }

    /** Where known datasets are fetched to: the folder the build's tests use. */
    protected Path dataRoot() {
        return Path.of(System.getProperty("sweep.data.dir", "data"));
    }

    @Test
    void itsNameDescriptionAndSettingsAreWellFormed() {
        TypeChecks.wellFormed(format.name(), format.description(), format.settings(), true);
        assertThat(format.settings()).extracting(s -> s.name()).as("the split is the section's own")
                .doesNotContain("format", "train_limit", "validation");
    }

    @Test
    void aWorkingDatasetLoadsWithConsistentImagesAndLabels() throws Exception {
        List<DatasetFormat.Problem> problems = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(working, Files.createTempDirectory("format-contract"), problems);
        assertThat(problems).isEmpty();
        IdxDataset data = format.load(resolved, dataRoot(), message -> { });
        assertThat(data.classes()).isGreaterThanOrEqualTo(2);
        for (ImageSet set : List.of(data.train(), data.test())) {
            assertThat(set.count()).isPositive();
            assertThat(set.pixels().length).isEqualTo(set.count() * set.pixelsPerImage());
            assertThat(java.util.Arrays.stream(set.labels()).allMatch(label -> label >= 0 && label < data.classes()))
                    .as("every label is one of the classes").isTrue();
        }
        assertThat(data.test().rows()).isEqualTo(data.train().rows());
        assertThat(data.test().cols()).isEqualTo(data.train().cols());
        assertThat(data.test().channels()).isEqualTo(data.train().channels());
        assertThat(data.classNames()).as("a name per class, none twice").hasSize(data.classes()).doesNotHaveDuplicates();
        assertThat(format.load(resolved, dataRoot(), message -> { }).train().count()).as("loads alike twice").isEqualTo(data.train().count());
    }

    @Test
    void settingsThatPointNowhereAreAProblemOrADataErrorNamingTheFix() throws Exception {
        Path empty = Files.createTempDirectory("format-contract-empty");
        Map<String, Object> nowhere = new java.util.LinkedHashMap<>(working);
        nowhere.replaceAll((key, value) -> value instanceof String ? empty.resolve("missing").toString() : value);
        List<DatasetFormat.Problem> problems = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(nowhere, empty, problems);
        if (!problems.isEmpty()) {
            assertThat(problems).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        } else if (!nowhere.equals(working)) {
            assertThatThrownBy(() -> format.load(resolved, empty, message -> { })).isInstanceOf(DataException.class)
                    .hasMessageContaining("Fix:");
        }
    }

    @Test
    void whatItShipsArrivesInAnotherFolderAndLoadsTheSameImages() throws Exception {
        List<DatasetFormat.Problem> problems = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(working, Files.createTempDirectory("format-contract"), problems);
        java.util.Optional<DatasetShipment> shipment = format.shipment(resolved, dataRoot(), message -> { });
        if (shipment.isEmpty()) {
            return; // read from its path on every node
        }
        Path arrived = Files.createTempDirectory("format-contract-arrived");
        try {
            for (String file : shipment.get().files()) {
                Path source = Path.of(file);
                assertThat(source).as("a file it ships").isRegularFile();
                Files.copy(source, arrived.resolve(source.getFileName()));
            }
            DatasetSpec original = new DatasetSpec(format.name(), resolved, null, 1);
            DatasetSpec copy = shipment.get().arrivedAt(arrived, original);
            // A shipment may name another format (mnist's IDX files arrive as idx): this one, or one of Sweep's.
            DatasetFormat reader = copy.format().equals(format.name()) ? format : DatasetFormats.builtIn().get(copy.format());
            IdxDataset there = reader.load(copy.settings(), dataRoot(), message -> { });
            IdxDataset here = format.load(resolved, dataRoot(), message -> { });
            assertThat(there.train().pixels()).isEqualTo(here.train().pixels());
            assertThat(there.test().labels()).isEqualTo(here.test().labels());
            assertThat(there.classNames()).isEqualTo(here.classNames());
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(arrived)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

}
