package dev.sweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input gets one clear error naming the file and the fix, exit code 2, and nothing stored or changed. */
class BadInputTest {
    private static final int TRAIN = 300;
    private static final int TEST = 50;

    @TempDir
    Path dir;

    private Path dataset() throws IOException {
        return dataset(dir.resolve("idx"), TRAIN, TEST, 28);
    }

    /** A small valid IDX dataset of square images, written raw. */
    static Path dataset(Path folder, int train, int test, int side) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("train-images-idx3-ubyte"), images(train, side));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), labels(train, 0));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), images(test, side));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels(test, 0));
        return folder;
    }

    static byte[] images(int count, int side) {
        byte[] pixels = new byte[count * side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        return idx(0x08, new int[]{count, side, side}, pixels);
    }

    static byte[] labels(int count, int badIndexLabel) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        if (badIndexLabel > 0) {
            labels[7] = (byte) badIndexLabel;
        }
        return idx(0x08, new int[]{count}, labels);
    }

    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    private interface Damage {
        void apply(Path folder) throws IOException;
    }

    static Stream<Arguments> damagedDatasets() {
        return Stream.of(
                Arguments.of("missing folder", (Damage) folder -> {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                    Files.delete(folder);
                }, "sweep.yaml:2:20: IDX folder 'idx' is not a folder", "fix: give a folder holding the IDX files"),
                Arguments.of("truncated images", (Damage) folder -> {
                    byte[] bytes = Files.readAllBytes(folder.resolve("train-images-idx3-ubyte"));
                    Files.write(folder.resolve("train-images-idx3-ubyte"), Arrays.copyOf(bytes, bytes.length - 1000));
                }, "train-images-idx3-ubyte: truncated: the header promises 235200 values", "Fix:"),
                Arguments.of("wrong magic", (Damage) folder -> {
                    byte[] bytes = Files.readAllBytes(folder.resolve("t10k-labels-idx1-ubyte"));
                    bytes[0] = 0x1f;
                    Files.write(folder.resolve("t10k-labels-idx1-ubyte"), bytes);
                }, "t10k-labels-idx1-ubyte: not an IDX file", "Fix:"),
                Arguments.of("mis-sized test images", (Damage) folder ->
                                Files.write(folder.resolve("t10k-images-idx3-ubyte"), images(TEST, 20)),
                        "training images are 28x28x1 but test images are 20x20x1", "Fix: use test images of the same dataset"),
                Arguments.of("label out of range", (Damage) folder ->
                                Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels(TEST, 12)),
                        "t10k-labels-idx1-ubyte: label 12 at index 7 is out of range 0..9", "Fix: replace it"),
                Arguments.of("labels of another count", (Damage) folder ->
                                Files.write(folder.resolve("train-labels-idx1-ubyte"), labels(TRAIN - 1, 0)),
                        "holds 300 images but", "Fix:"),
                Arguments.of("missing labels file", (Damage) folder -> Files.delete(folder.resolve("train-labels-idx1-ubyte")),
                        "no train-labels-idx1-ubyte file", "the folder holds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedDatasets")
    void aDamagedDatasetIsOneClearErrorAndNothingIsStored(String what, Damage damage, String message, String fix)
            throws IOException {
        damage.apply(dataset());
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                name: damaged
                dataset: {idx_dir: idx, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 1}
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", dir.resolve("experiments").toString());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains(message).contains(fix);
        assertThat(cli.err().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
        assertThat(dir.resolve("experiments.mv.db")).doesNotExist();
    }

    @Test
    void theIntactFixtureTrainsSoTheDamageIsWhatFails() throws IOException {
        dataset();
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                name: intact
                dataset: {idx_dir: idx, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 1}
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", dir.resolve("experiments").toString(), "--quiet");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedAndLeftAsItWas() throws IOException {
        Path notADatabase = dir.resolve("notes.mv.db");
        Files.writeString(notADatabase, "my lecture notes, not a database\n");
        byte[] before = Files.readAllBytes(notADatabase);
        Cli cli = Cli.run("leaderboard", "--db", dir.resolve("notes").toString());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains("notes.mv.db").contains("Fix: point --db at a Sweep database");
        assertThat(Files.readAllBytes(notADatabase)).isEqualTo(before);
    }

    @Test
    void badFlagsAreUsageErrorsNamingTheFlag() {
        Cli format = Cli.run("leaderboard", "--format", "xml", "--db", dir.resolve("experiments").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("xml");
        Cli unknown = Cli.run("run", "--trials", "3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--trials'");
        Cli missing = Cli.run("plan", dir.resolve("nowhere.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.yaml");
    }

    @Test
    void aSweepNameCannotLeadOutOfItsFolder() throws IOException {
        Path file = dir.resolve("evil.yaml");
        Files.writeString(file, """
                name: ../../etc/evil
                architecture: mlp
                strategy: {type: random, trials: 1}
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", dir.resolve("experiments").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("name '../../etc/evil' must be 1-100 letters, digits");
        Cli renamed = Cli.run("run", dir.resolve("evil.yaml").toString(), "--name", "../x");
        assertThat(renamed.exitCode()).isEqualTo(2);
    }
}
