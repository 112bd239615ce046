package dev.sweep.report;

import dev.sweep.data.ChannelStatistics;
import dev.sweep.data.IdxDataset;
import dev.sweep.data.ImageSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seeds' exploratory analysis of a dataset: shapes, labels per split, pixel statistics, and sample images. */
public final class DataDescription {
    private DataDescription() {
    }

    /** Facts about the dataset, in the order they are printed. */
    public static Map<String, Object> describe(IdxDataset data, int validation) {
        Map<String, Object> facts = new LinkedHashMap<>();
        ImageSet train = data.train();
        int trainCount = Math.max(0, train.count() - validation);
        facts.put("folder", data.folder().toString());
        facts.put("image_shape", List.of(train.rows(), train.cols(), train.channels()));
        facts.put("classes", data.classes());
        facts.put("class_names", data.classNames());
        Map<String, Object> splits = new LinkedHashMap<>();
        splits.put("train", split(train.slice(0, trainCount), data.classes()));
        splits.put("validation", split(train.slice(trainCount, train.count()), data.classes()));
        splits.put("test", split(data.test(), data.classes()));
        facts.put("splits", splits);
        // Every format stores unsigned bytes, checked as they were read: no value can be missing or out of range.
        facts.put("missing_or_corrupt_values", 0);
        return facts;
    }

    private static Map<String, Object> split(ImageSet images, int classes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("images", images.count());
        int[] counts = images.labelCounts(classes);
        List<Integer> labels = new ArrayList<>();
        for (int c : counts) {
            labels.add(c);
        }
        s.put("label_counts", labels);
        long sum = 0;
        double squares = 0;
        long zeros = 0;
        int min = 255;
        int max = 0;
        for (byte b : images.pixels()) {
            int v = b & 0xff;
            sum += v;
            squares += (double) v * v;
            zeros += v == 0 ? 1 : 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long n = Math.max(1, images.pixels().length);
        double mean = sum / (double) n / 255;
        s.put("pixel_mean", Math.round(mean * 10_000) / 10_000.0);
        s.put("pixel_std", Math.round(Math.sqrt(Math.max(0, squares / n / 255 / 255 - mean * mean)) * 10_000) / 10_000.0);
        s.put("pixel_min", min);
        s.put("pixel_max", max);
        s.put("zero_pixels", Math.round(zeros * 10_000.0 / n) / 10_000.0);
        if (images.channels() > 1) {
            ChannelStatistics statistics = ChannelStatistics.of(images);
            s.put("channel_mean", rounded(statistics.mean()));
            s.put("channel_std", rounded(statistics.std()));
        }
        return s;
    }

    private static List<Double> rounded(float[] values) {
        List<Double> result = new ArrayList<>();
        for (float v : values) {
            result.add(Math.round(v * 10_000) / 10_000.0);
        }
        return result;
    }

    /** {@code perClass} training images of each class, a row per class, in colour when they have three channels. */
    public static byte[] samples(IdxDataset data, int perClass) {
        ImageSet train = data.train();
        List<ImageGrids.Tile> tiles = new ArrayList<>();
        int pixels = train.pixelsPerImage();
        for (int c = 0; c < data.classes(); c++) {
            int found = 0;
            for (int i = 0; i < train.count() && found < perClass; i++) {
                if (train.labels()[i] == c) {
                    float[] image = new float[pixels];
                    for (int k = 0; k < pixels; k++) {
                        image[k] = (train.pixels()[i * pixels + k] & 0xff) / 255f;
                    }
                    tiles.add(new ImageGrids.Tile(image, train.rows(), train.cols(), train.channels(), data.classNames().get(c)));
                    found++;
                }
            }
        }
        return ImageGrids.grid(tiles, perClass, 2, "Training images, " + perClass + " per class");
    }
}
