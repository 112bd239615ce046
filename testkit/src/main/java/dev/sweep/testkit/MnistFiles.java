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

    /**
     * MNIST's training images {@code from}..{@code from + count} as colour pictures in {@code folder/<label>/}: each
     * digit's ink tinted one of six colours on a dark background of another, chosen by the image's index. For variety
     * every third picture is enlarged to 36x36, every fourth is a JPEG, and every seventh is left grey.
     */
    public static Path tintedFolders(Path folder, int from, int count) throws IOException {
        ImageSet train = new MnistFormat().load(Map.of(), Path.of(System.getProperty("sweep.data.dir", "data")), m -> { }).train();
        int rows = train.rows();
        int cols = train.cols();
        int[][] inks = {{255, 60, 60}, {60, 220, 60}, {80, 120, 255}, {250, 220, 40}, {230, 80, 230}, {40, 220, 220}};
        for (int i = from; i < from + count; i++) {
            int[] ink = inks[i % inks.length];
            int[] paper = inks[(i / inks.length + 1 + i) % inks.length];
            boolean grey = i % 7 == 0;
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(cols, rows, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    double level = (train.pixels()[i * rows * cols + y * cols + x] & 0xff) / 255.0;
                    int rgb = 0;
                    for (int c = 0; c < 3; c++) {
                        int value = grey ? (int) Math.round(255 * level)
                                : (int) Math.round(level * ink[c] + (1 - level) * paper[c] * 0.25);
                        rgb = (rgb << 8) | value;
                    }
                    image.setRGB(x, y, rgb);
                }
            }
            if (i % 3 == 0) {
                java.awt.image.BufferedImage large = new java.awt.image.BufferedImage(36, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = large.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, 36, 36, null);
                g.dispose();
                image = large;
            }
            boolean jpeg = i % 4 == 0;
            Path file = Files.createDirectories(folder.resolve(String.valueOf(train.labels()[i])))
                    .resolve(String.format("%05d.%s", i, jpeg ? "jpg" : "png"));
            javax.imageio.ImageIO.write(image, jpeg ? "jpg" : "png", file.toFile());
        }
        return folder;
    }
}
