package dev.sweep.testkit;

import dev.sweep.data.ImageSet;
import dev.sweep.data.MnistFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Real images in other files' forms, for tests of dataset formats: MNIST, fetched as the build's tests fetch it. */
public final class MnistFiles {
    private MnistFiles() {
    }

    /** MNIST's training images {@code from}..{@code from + count} as Kaggle's CSV: label, pixel0, ..., pixel783. */
    public static Path csv(Path file, int from, int count) throws IOException {
        ImageSet train = new MnistFormat().load(Map.of(), Path.of(System.getProperty("sweep.data.dir", "data")), m -> { }).train();
        int pixels = train.pixelsPerImage();
        StringBuilder csv = new StringBuilder("label");
        for (int p = 0; p < pixels; p++) {
            csv.append(",pixel").append(p);
        }
        csv.append('\n');
        for (int i = from; i < from + count; i++) {
            csv.append(train.labels()[i]);
            for (int p = 0; p < pixels; p++) {
                csv.append(',').append(train.pixels()[i * pixels + p] & 0xff);
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv);
    }

    /** MNIST's training images {@code from}..{@code from + count} as PNGs in {@code folder/<label>/<index>.png}. */
    public static Path pngFolders(Path folder, int from, int count) throws IOException {
        ImageSet train = new MnistFormat().load(Map.of(), Path.of(System.getProperty("sweep.data.dir", "data")), m -> { }).train();
        int rows = train.rows();
        int cols = train.cols();
        for (int i = from; i < from + count; i++) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(cols, rows, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, cols, rows, java.util.Arrays.copyOfRange(train.pixels(), i * rows * cols, (i + 1) * rows * cols));
            Path file = Files.createDirectories(folder.resolve(String.valueOf(train.labels()[i]))).resolve(String.format("%05d.png", i));
            javax.imageio.ImageIO.write(image, "png", file.toFile());
        }
        return folder;
    }
}
