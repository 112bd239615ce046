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
}
