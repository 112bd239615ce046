package dev.sweep.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The training and test images of a folder of IDX files named as MNIST names them, raw or gzipped. */
public record IdxDataset(Path folder, ImageSet train, ImageSet test, int classes, List<String> classNames) {
    public IdxDataset {
        classNames = List.copyOf(classNames);
        if (train.rows() != test.rows() || train.cols() != test.cols() || train.channels() != test.channels()) {
            throw new DataException(folder + ": training images are " + shape(train) + " but test images are " + shape(test)
                    + ". Fix: use test images of the same dataset.");
        }
        if (classNames.size() != classes) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + classes + " classes");
        }
    }

    /** Classes known by their numbers only, as in IDX and CSV files: named "0", "1", ... */
    public IdxDataset(Path folder, ImageSet train, ImageSet test, int classes) {
        this(folder, train, test, classes, numbered(classes));
    }

    /** height x width x channels. */
    public static String shape(ImageSet images) {
        return images.rows() + "x" + images.cols() + "x" + images.channels();
    }

    /** The names of classes known only by their numbers: "0", "1", ... */
    public static List<String> numbered(int classes) {
        return java.util.stream.IntStream.range(0, classes).mapToObj(String::valueOf).toList();
    }

    public static IdxDataset load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder + ": no such folder. Fix: set dataset.idx_dir to a folder holding "
                    + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte "
                    + "(each may end in .gz).");
        }
        List<Path> files = files(folder);
        ImageSet train = imageSet(files.get(0), files.get(1));
        Path testLabels = files.get(3);
        ImageSet test = imageSet(files.get(2), testLabels);
        int classes = 0;
        for (int label : train.labels()) {
            classes = Math.max(classes, label + 1);
        }
        checkLabels(testLabels, test.labels(), classes);
        return new IdxDataset(folder, train, test, classes);
    }

    private static ImageSet imageSet(Path imagesFile, Path labelsFile) {
        // The headers are paired first, so that a mismatch costs no memory for the images' values.
        int[] imageDims = IdxReader.dimensions(imagesFile);
        int[] labelDims = IdxReader.dimensions(labelsFile);
        if (imageDims.length != 3) {
            throw new DataException(imagesFile + ": expected 3 dimensions (count, rows, columns), found "
                    + imageDims.length + ". Fix: is this a labels file named as images?");
        }
        if (labelDims.length != 1) {
            throw new DataException(labelsFile + ": expected 1 dimension (count), found " + labelDims.length
                    + ". Fix: is this an images file named as labels?");
        }
        if (imageDims[0] != labelDims[0]) {
            throw new DataException(imagesFile + " holds " + imageDims[0] + " images but " + labelsFile + " holds "
                    + labelDims[0] + " labels. Fix: use the images and labels files of the same split.");
        }
        IdxArray labels = IdxReader.read(labelsFile);
        IdxArray images = IdxReader.read(imagesFile);
        int[] labelValues = new int[labels.count()];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = labels.data()[i] & 0xff;
        }
        checkLabels(labelsFile, labelValues, 256);
        return new ImageSet(images.data(), labelValues, images.dimensions()[1], images.dimensions()[2]);
    }

    private static void checkLabels(Path file, int[] labels, int classes) {
        int maxClasses = Math.min(classes, 100);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= maxClasses) {
                throw new DataException(file + ": label " + labels[i] + " at index " + i + " is out of range 0.."
                        + (maxClasses - 1) + ". Fix: replace it with an intact copy of the labels file.");
            }
        }
    }

    /** The four files a dataset is read from: training images and labels, then test images and labels. */
    public static List<Path> files(Path folder) {
        return List.of(find(folder, "train-images", 3), find(folder, "train-labels", 1), find(folder, "t10k-images", 3),
                find(folder, "t10k-labels", 1));
    }

    /** The file for {@code prefix}: "train-images-idx3-ubyte", "train-images.idx3-ubyte", either with ".gz". */
    private static Path find(Path folder, String prefix, int rank) {
        List<Path> matches = new ArrayList<>();
        List<String> present = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.sorted(Comparator.comparing(Path::toString)).forEach(f -> {
                String name = f.getFileName().toString();
                present.add(name);
                if (name.matches(java.util.regex.Pattern.quote(prefix) + "[.-]idx" + rank + "-ubyte(\\.gz)?")) {
                    matches.add(f);
                }
            });
        } catch (IOException e) {
            throw new DataException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (matches.isEmpty()) {
            throw new DataException(folder + ": no " + prefix + "-idx" + rank + "-ubyte file (raw or .gz); the folder holds "
                    + (present.isEmpty() ? "nothing" : String.join(", ", present)) + ". Fix: add the file, named as MNIST names it.");
        }
        // The raw file sorts before its .gz twin; prefer it, as it needs no decompression.
        return matches.get(0);
    }
}
