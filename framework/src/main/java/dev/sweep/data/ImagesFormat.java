package dev.sweep.data;

import dev.sweep.space.ParameterDeclaration;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code format: images, dir: PATH}: pictures in one folder per class, as Keras' {@code image_dataset_from_directory}
 * and PyTorch's {@code ImageFolder} read them: {@code PATH/train/<class>/*} and, if there is one,
 * {@code PATH/test/<class>/*} (else a stratified split of train). Classes are the folder names, sorted, numbered from 0;
 * the training pictures are shuffled by a fixed seed, so that the validation set (their last ones) holds every class.
 * Every picture is decoded once (ImageIO: PNG, JPEG, GIF, BMP), drawn on black (so transparency is background),
 * resized to {@code height} x {@code width} and kept grey ({@code channels: 1}) or as red, green and blue planes
 * ({@code channels: 3}); the result is cached beside the pictures, keyed by their names, sizes and times, so the next
 * run reads one file.
 */
public final class ImagesFormat implements DatasetFormat {
    public static final String NAME = "images";
    static final String DIR = "dir";
    static final String HEIGHT = "height";
    static final String WIDTH = "width";
    static final String CHANNELS = "channels";
    static final String TEST_FRACTION = "test_fraction";
    static final String ON_BAD_FILE = "on_bad_file";
    static final String CACHE = "cache";
    static final String CACHE_FOLDER = ".sweep-cache";
    private static final int MAX_CLASSES = 100;
    static final String MAGIC = "SWEEP-IMAGES-3";
    private static final long SHUFFLE_SEED = 19_980_101L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pictures in one folder per class (train/<class>/, test/<class>/), decoded once, grey or colour, resized and cached";
    }

    @Override
    public List<ParameterDeclaration> settings() {
        return List.of(ParameterDeclaration.textParam(DIR, null, "the folder holding train/ (and test/), absolute or relative to the sweep file"),
                ParameterDeclaration.intParam(HEIGHT, 28, 4, 512, "height the pictures are resized to"),
                ParameterDeclaration.intParam(WIDTH, 28, 4, 512, "width the pictures are resized to"),
                ParameterDeclaration.intParam(CHANNELS, 1, 1, 3, "1: grey (colour pictures are turned grey); 3: red, green and blue"),
                ParameterDeclaration.floatParam(TEST_FRACTION, 0.2, 0.01, 0.9,
                        "without a test/ folder: the share of each class's pictures kept apart as test images"),
                ParameterDeclaration.choiceParam(ON_BAD_FILE, "fail", List.of("fail", "skip"),
                        "a file that is not a readable picture: stop with its name, or skip it with a warning"),
                ParameterDeclaration.textParam(CACHE, null, "instead of dir: a file of decoded pictures from an earlier run's "
                        + ".sweep-cache folder, read alone (how ship_data sends an image folder)"));
    }

    @Override
    public Map<String, Object> resolve(Map<String, Object> settings, Path base, List<Problem> problems) {
        Map<String, Object> resolved = new LinkedHashMap<>(settings);
        Object dir = settings.get(DIR);
        Object cache = settings.get(CACHE);
        if (dir != null && cache != null) {
            problems.add(new Problem(CACHE, "an images dataset reads its folder or a cache file, not both", "keep dir: or cache:"));
            return resolved;
        }
        if (cache != null) {
            Path path = base.resolve(cache.toString()).normalize();
            if (!Files.isRegularFile(path)) {
                problems.add(new Problem(CACHE, "cache '" + cache + "' is not a file (looked for " + path + ")",
                        "give a file from an earlier run's " + CACHE_FOLDER + " folder, or dir: PATH"));
            }
            resolved.put(CACHE, path.toAbsolutePath().toString());
            return resolved;
        }
        if (dir == null) {
            problems.add(new Problem(null, "an images dataset needs its folder", "add dir: PATH, the folder holding train/<class>/"));
            return resolved;
        }
        Path path = base.resolve(dir.toString()).normalize();
        if (!Files.isDirectory(path.resolve("train"))) {
            problems.add(new Problem(DIR, "dir '" + dir + "' has no train/ folder (looked for " + path.resolve("train") + ")",
                    "put one folder per class under " + path.resolve("train") + ", and optionally under test/"));
        }
        resolved.put(DIR, path.toAbsolutePath().toString());
        if (channels(settings) == 2) {
            problems.add(new Problem(CHANNELS, "channels is 2", "use 1 for grey or 3 for colour (red, green, blue)"));
        }
        return resolved;
    }

    @Override
    public Optional<DatasetShipment> shipment(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        Path cache = settings.get(CACHE) != null ? Path.of(settings.get(CACHE).toString()) : Source.of(settings).cache();
        if (!Files.isRegularFile(cache)) {
            load(settings, dataRoot, say);
        }
        if (!Files.isRegularFile(cache)) {
            throw new DataException("ship_data sends an image folder as its cache file, and " + cache + " could not be written. "
                    + "Fix: make " + cache.getParent() + " writable, or remove ship_data and put the pictures at the same path on every node.");
        }
        Map<String, Object> arrived = new LinkedHashMap<>(settings);
        arrived.remove(DIR);
        arrived.put(CACHE, cache.getFileName().toString());
        return Optional.of(new DatasetShipment(List.of(cache.toAbsolutePath().toString()), NAME, arrived, List.of(CACHE)));
    }

    /**
     * The folder's classes and pictures, and where their decoded copy is cached for these settings: named by the
     * settings and every file's size and time.
     */
    private record Source(Path dir, List<String> classes, List<Picture> train, List<Picture> test, Path cache) {
        static Source of(Map<String, Object> settings) {
            Path dir = Path.of(settings.get(DIR).toString());
            List<String> classes = ImagesFormat.classes(dir.resolve("train"));
            List<Picture> train = pictures(dir.resolve("train"), classes);
            Path testDir = dir.resolve("test");
            List<Picture> test = Files.isDirectory(testDir) ? pictures(testDir, testClasses(testDir, classes)) : List.of();
            return new Source(dir, classes, train, test, dir.resolve(CACHE_FOLDER).resolve(key(train, test, settings) + ".bin"));
        }
    }

    @Override
    public IdxDataset load(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        if (settings.get(CACHE) != null) {
            Path cache = Path.of(settings.get(CACHE).toString());
            IdxDataset data;
            try {
                data = read(cache, cache.getParent());
            } catch (IOException | RuntimeException e) {
                throw new DataException(cache + " is not a file of decoded pictures this Sweep reads (" + reason(e) + "). Fix: "
                        + "give a file from a recent run's " + CACHE_FOLDER + " folder, or dir: PATH to decode the pictures.", e);
            }
            say.accept(String.format(java.util.Locale.ROOT, "sweep: read %,d decoded pictures from %s",
                    data.train().count() + data.test().count(), cache));
            return data;
        }
        Source source = Source.of(settings);
        Path dir = source.dir();
        List<String> classes = source.classes();
        List<Picture> train = source.train();
        List<Picture> test = source.test();
        Path cache = source.cache();
        int height = ((Number) settings.getOrDefault(HEIGHT, 28)).intValue();
        int width = ((Number) settings.getOrDefault(WIDTH, 28)).intValue();
        int channels = channels(settings);
        boolean skip = "skip".equals(settings.get(ON_BAD_FILE));
        double fraction = ((Number) settings.getOrDefault(TEST_FRACTION, 0.2)).doubleValue();
        if (Files.isRegularFile(cache)) {
            try {
                return read(cache, dir);
            } catch (IOException | RuntimeException e) {
                say.accept("sweep: the cache " + cache + " is unreadable (" + reason(e) + "); decoding the pictures again");
            }
        }
        long started = System.nanoTime();
        ImageRows decodedTrain = decode(train, height, width, channels, skip, say);
        ImageRows decodedTest = test.isEmpty() ? null : decode(test, height, width, channels, skip, say);
        ImageSet trainSet;
        ImageSet testSet;
        // Class folders come one after another, and validation is the last images of train: without a shuffle it
        // would hold the last classes only. The seed is fixed, so every run and sweep splits alike.
        decodedTrain = decodedTrain.shuffled(SHUFFLE_SEED);
        if (decodedTest != null) {
            trainSet = decodedTrain.images();
            testSet = decodedTest.images();
        } else {
            ImageRows[] split = decodedTrain.split(fraction);
            if (split[1].size() == 0) {
                throw new DataException(dir.resolve("train") + ": " + decodedTrain.size() + " pictures leave no test images at "
                        + "test_fraction " + fraction + ". Fix: add pictures, raise test_fraction, or add a test/ folder.");
            }
            trainSet = split[0].images();
            testSet = split[1].images();
        }
        say.accept(String.format(java.util.Locale.ROOT, "sweep: decoded %,d pictures of %s in %.1f s; cached as %s",
                train.size() + test.size(), dir, (System.nanoTime() - started) / 1e9, cache));
        IdxDataset data = new IdxDataset(dir, trainSet, testSet, classes.size(), classes);
        write(cache, data, say);
        return data;
    }

    private record Picture(Path file, int label) {
    }

    static int channels(Map<String, Object> settings) {
        return ((Number) settings.getOrDefault(CHANNELS, 1)).intValue();
    }

    /** The class folders of train/, sorted; an empty one, or none, is an error. */
    private static List<String> classes(Path train) {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(train)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .forEach(classes::add);
        } catch (IOException e) {
            throw new DataException(train + ": cannot list the folder: " + e.getMessage() + ". Fix: check its permissions.", e);
        }
        if (classes.size() < 2) {
            throw new DataException(train + ": " + classes.size() + " class folders; a classifier needs two or more. Fix: put "
                    + "each class's pictures in a folder of its own under " + train + ".");
        }
        if (classes.size() > MAX_CLASSES) {
            throw new DataException(train + ": " + classes.size() + " class folders; Sweep takes at most " + MAX_CLASSES
                    + ". Fix: merge or remove classes.");
        }
        return classes;
    }

    /** The classes of test/, which must all be classes of train/. */
    private static List<String> testClasses(Path test, List<String> trainClasses) {
        List<String> present = new ArrayList<>();
        try (Stream<Path> entries = Files.list(test)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .forEach(present::add);
        } catch (IOException e) {
            throw new DataException(test + ": cannot list the folder: " + e.getMessage() + ". Fix: check its permissions.", e);
        }
        for (String name : present) {
            if (!trainClasses.contains(name)) {
                throw new DataException(test.resolve(name) + ": class '" + name + "' is not among the training classes ("
                        + String.join(", ", trainClasses) + "). Fix: add it under train/ too, or remove it from test/.");
            }
        }
        return trainClasses;
    }

    /** Every file of each class folder that exists here, sorted by name; an empty class folder is an error. */
    private static List<Picture> pictures(Path root, List<String> classes) {
        List<Picture> pictures = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path folder = root.resolve(classes.get(label));
            if (!Files.isDirectory(folder)) {
                continue; // a test/ folder may lack a class
            }
            List<Path> files;
            try (Stream<Path> entries = Files.list(folder)) {
                files = entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            } catch (IOException e) {
                throw new DataException(folder + ": cannot list the folder: " + e.getMessage() + ". Fix: check its permissions.", e);
            }
            if (files.isEmpty()) {
                throw new DataException(folder + ": the class folder is empty. Fix: add its pictures, or remove the folder.");
            }
            int l = label;
            files.forEach(f -> pictures.add(new Picture(f, l)));
        }
        return pictures;
    }

    private static ImageRows decode(List<Picture> pictures, int height, int width, int channels, boolean skip,
                                    Consumer<String> say) {
        ImageRows decoded = new ImageRows(height, width, channels);
        int skipped = 0;
        for (Picture picture : pictures) {
            try {
                decoded.add(pixels(read(picture.file()), height, width, channels), picture.label());
            } catch (DataException e) {
                if (!skip) {
                    throw e;
                }
                skipped++;
                say.accept("sweep: skipped " + e.getMessage().replaceFirst("\\. Fix:.*", ""));
            }
        }
        if (skipped > 0) {
            say.accept("sweep: skipped " + skipped + " of " + pictures.size() + " files (on_bad_file: skip)");
        }
        return decoded;
    }

    /**
     * A picture as training saw it: resized to {@code height} x {@code width}, grey or in colour planes, pixels / 255,
     * for {@code predict} of a model trained on an image folder.
     */
    public static float[] picture(Path file, int height, int width, int channels) {
        byte[] bytes = pixels(read(file), height, width, channels);
        float[] pixels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pixels[i] = (bytes[i] & 0xff) / 255f;
        }
        return pixels;
    }

    /** One picture, whole: an empty file, one no reader knows, and a truncated or damaged one are errors. */
    private static BufferedImage read(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new DataException(file + " is empty (0 bytes). Fix: replace or remove it, or set on_bad_file: skip.");
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new DataException(file + " is not a picture ImageIO can read (PNG, JPEG, GIF, BMP). Fix: convert or "
                            + "remove it, or set on_bad_file: skip.");
                }
                ImageReader reader = readers.next();
                List<String> warnings = new ArrayList<>();
                try {
                    reader.setInput(in, true, true);
                    PictureSize.check(file, reader, "scale it down (the dataset resizes every picture to its height and width "
                            + "anyway), or remove it, or set on_bad_file: skip.");
                    // A truncated JPEG decodes with a warning and grey rows, not an exception: the warning is the sign.
                    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                    BufferedImage image = reader.read(0);
                    if (!warnings.isEmpty()) {
                        throw new DataException(file + " is truncated or damaged (" + warnings.get(0) + "). Fix: replace or "
                                + "remove it, or set on_bad_file: skip.");
                    }
                    return image;
                } finally {
                    reader.dispose();
                }
            }
        } catch (javax.imageio.IIOException e) {
            throw new DataException(file + " is truncated or damaged (" + e.getMessage() + "). Fix: replace or remove it, or "
                    + "set on_bad_file: skip.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException(file + " cannot be decoded (" + e.getMessage() + "). Fix: replace or remove it, or set "
                    + "on_bad_file: skip.", e);
        }
    }

    /**
     * Drawn on black and resized with bilinear interpolation (transparent pixels become background), then luminance, or
     * the red, green and blue planes one after another (channel-first, as the networks' input type reads them).
     */
    private static byte[] pixels(BufferedImage image, int height, int width, int channels) {
        BufferedImage target = new BufferedImage(width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        if (channels == 1) {
            byte[] pixels = new byte[height * width];
            target.getRaster().getDataElements(0, 0, width, height, pixels);
            return pixels;
        }
        int plane = height * width;
        byte[] planes = new byte[3 * plane];
        int[] rgb = target.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < plane; i++) {
            planes[i] = (byte) (rgb[i] >> 16);
            planes[plane + i] = (byte) (rgb[i] >> 8);
            planes[2 * plane + i] = (byte) rgb[i];
        }
        return planes;
    }

    /** The cache's name: the settings, and every file's place, size and modification time. */
    private static String key(List<Picture> train, List<Picture> test, Map<String, Object> settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String decoding = settings.getOrDefault(HEIGHT, 28) + "x" + settings.getOrDefault(WIDTH, 28) + "x" + channels(settings)
                    + " " + "skip".equals(settings.get(ON_BAD_FILE)) + " " + ((Number) settings.getOrDefault(TEST_FRACTION, 0.2)).doubleValue();
            digest.update((MAGIC + " " + decoding).getBytes(StandardCharsets.UTF_8));
            for (List<Picture> pictures : List.of(train, test)) {
                digest.update((byte) '|');
                for (Picture p : pictures) {
                    digest.update((p.label() + " " + p.file() + " " + Files.size(p.file()) + " "
                            + Files.getLastModifiedTime(p.file()).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (IOException e) {
            throw new DataException("cannot read the pictures' sizes and times: " + e.getMessage() + ". Fix: check the folder's permissions.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Written beside, then moved into place; a folder that cannot be written to only costs the next run a decode. */
    private static void write(Path cache, IdxDataset data, Consumer<String> say) {
        try {
            Files.createDirectories(cache.getParent());
            Path temp = Files.createTempFile(cache.getParent(), ".part", ".bin");
            try (OutputStream file = Files.newOutputStream(temp); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
                out.writeUTF(MAGIC);
                out.writeInt(data.classes());
                for (String name : data.classNames()) {
                    out.writeUTF(name);
                }
                for (ImageSet set : List.of(data.train(), data.test())) {
                    out.writeInt(set.count());
                    out.writeInt(set.rows());
                    out.writeInt(set.cols());
                    out.writeInt(set.channels());
                    for (int label : set.labels()) {
                        out.writeByte(label);
                    }
                    out.write(set.pixels());
                }
            }
            Files.move(temp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            say.accept("sweep: could not cache the decoded pictures in " + cache.getParent() + " (" + e.getMessage()
                    + "); the next run decodes them again");
        }
    }

    /**
     * A cache file, every count checked against the settings' limits and the bytes the file still holds before memory
     * is taken for it, since a cache can come from elsewhere ({@code cache: FILE}, what {@code ship_data} sends).
     */
    private static IdxDataset read(Path cache, Path dir) throws IOException {
        long size = Files.size(cache);
        try (java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(Files.newInputStream(cache));
             CountingInput counted = new CountingInput(buffered); DataInputStream in = new DataInputStream(counted)) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not a cache of this version");
            }
            int classCount = in.readInt();
            if (classCount < 2 || classCount > MAX_CLASSES) {
                throw new IOException("it declares " + classCount + " classes, not 2.." + MAX_CLASSES);
            }
            List<String> classes = new ArrayList<>();
            for (int c = 0; c < classCount; c++) {
                classes.add(in.readUTF());
            }
            ImageSet[] sets = new ImageSet[2];
            for (int s = 0; s < 2; s++) {
                int count = in.readInt();
                int rows = in.readInt();
                int cols = in.readInt();
                int channels = in.readInt();
                if (count < 0 || rows < 4 || rows > 512 || cols < 4 || cols > 512 || channels < 1 || channels > 3) {
                    throw new IOException("it declares " + count + " pictures of " + rows + "x" + cols + "x" + channels
                            + ", outside what the images format makes (4..512 a side, 1 to 3 channels)");
                }
                long needed = (long) count * (1L + (long) rows * cols * channels);
                if (needed > size - counted.count()) {
                    throw new IOException(String.format(java.util.Locale.ROOT, "it declares %,d pictures of %dx%dx%d, %,d bytes, "
                            + "but holds %,d more", count, rows, cols, channels, needed, size - counted.count()));
                }
                int[] labels = new int[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = in.readUnsignedByte();
                    if (labels[i] >= classCount) {
                        throw new IOException("picture " + i + " has label " + labels[i] + " of " + classCount + " classes");
                    }
                }
                byte[] pixels = new byte[Math.toIntExact((long) count * rows * cols * channels)];
                in.readFully(pixels);
                sets[s] = new ImageSet(pixels, labels, rows, cols, channels);
            }
            return new IdxDataset(dir, sets[0], sets[1], classes.size(), classes);
        } catch (java.io.EOFException e) {
            throw new IOException("it ends early, after " + Files.size(cache) + " bytes", e);
        } catch (ArithmeticException e) {
            throw new IOException("it declares more pixels than one array holds", e);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** How many bytes have been read through it. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
