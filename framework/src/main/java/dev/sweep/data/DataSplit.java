package dev.sweep.data;

import dev.sweep.config.DatasetSpec;

import dev.sweep.arch.ImageShape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training, validation and test images of one dataset and split. Shared read-only by every trial of a process;
 * the evaluation matrices are built once, on first use.
 */
public final class DataSplit {
    public static final int TRAIN_SAMPLE = 5_000;

    private final ImageSet train;
    private final ImageSet validation;
    private final ImageSet test;
    private final int classes;
    private final java.util.List<String> classNames;
    private final ChannelStatistics trainStatistics;
    private final Map<String, Object> provenance;
    private EvalSet validationSet;
    private EvalSet testSet;
    private EvalSet trainSample;

    DataSplit(ImageSet train, ImageSet validation, ImageSet test, java.util.List<String> classNames,
              ChannelStatistics trainStatistics, Map<String, Object> provenance) {
        this.train = train;
        this.trainStatistics = trainStatistics;
        this.validation = validation;
        this.test = test;
        this.classes = classNames.size();
        this.classNames = classNames;
        this.provenance = provenance;
    }

    /** The first {@code trainLimit} images before the last {@code validationCount} training images train. */
    static DataSplit of(IdxDataset data, DatasetSpec spec) {
        String source = spec.describe();
        Integer trainLimit = spec.trainLimit();
        int total = data.train().count();
        int validationCount = spec.validationCount(total);
        if (validationCount < 1 || validationCount >= total) {
            throw new DataException(data.folder() + ": a validation set of " + validationCount + " images needs at least one "
                    + "training image besides; the training file holds " + total + ". Fix: set dataset.validation below " + total + ".");
        }
        int available = total - validationCount;
        int trainCount = trainLimit == null ? available : Math.min(trainLimit, available);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", source);
        // What evaluate loads the test images from again, whatever the format.
        provenance.put("format", spec.format());
        provenance.put("settings", spec.settings());
        provenance.put("class_names", data.classNames());
        provenance.put("input_shape", java.util.List.of(data.train().rows(), data.train().cols(), data.train().channels()));
        provenance.put("folder", data.folder().toAbsolutePath().toString());
        provenance.put("train", "training file images [0, " + trainCount + ")");
        provenance.put("validation", "training file images [" + available + ", " + total + ")");
        provenance.put("test", "test file images [0, " + data.test().count() + ")");
        provenance.put("scaling", "pixel / 255");
        ImageSet train = data.train().slice(0, trainCount);
        ChannelStatistics statistics = ChannelStatistics.of(train);
        // What normalize: dataset standardized by, so that evaluate and predict read a model's inputs as training did.
        provenance.put("train_channel_mean", floats(statistics.mean()));
        provenance.put("train_channel_std", floats(statistics.std()));
        return new DataSplit(train, data.train().slice(available, total), data.test(), data.classNames(), statistics, provenance);
    }

    private static java.util.List<Double> floats(float[] values) {
        java.util.List<Double> list = new java.util.ArrayList<>();
        for (float v : values) {
            list.add((double) v);
        }
        return list;
    }

    public ImageSet train() {
        return train;
    }

    public int validationCount() {
        return validation.count();
    }

    public int testCount() {
        return test.count();
    }

    public int classes() {
        return classes;
    }

    /** The classes' names, in label order: an image folder's class folders, else "0", "1", ... */
    public java.util.List<String> classNames() {
        return classNames;
    }

    /** The mean and standard deviation of each channel over the training images. */
    public ChannelStatistics trainStatistics() {
        return trainStatistics;
    }

    public ImageShape shape() {
        return new ImageShape(train.rows(), train.cols(), train.channels(), classes);
    }

    /** How the split was made, for a trial's stored configuration and an export's provenance. */
    public Map<String, Object> provenance() {
        return provenance;
    }

    public synchronized EvalSet validationSet() {
        if (validationSet == null) {
            validationSet = toEvalSet(validation);
        }
        return validationSet;
    }

    public synchronized EvalSet testSet() {
        if (testSet == null) {
            testSet = toEvalSet(test);
        }
        return testSet;
    }

    /**
     * The first {@value #TRAIN_SAMPLE} training images (fewer if there are fewer), measured after each epoch for the
     * training accuracy: a fixed sample keeps it comparable across epochs and cheap beside the epoch itself.
     */
    public synchronized EvalSet trainSampleSet() {
        if (trainSample == null) {
            trainSample = toEvalSet(train.slice(0, Math.min(TRAIN_SAMPLE, train.count())));
        }
        return trainSample;
    }

    public static EvalSet toEvalSet(ImageSet images) {
        float[] scaled = new float[images.pixels().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (images.pixels()[i] & 0xff) / 255f;
        }
        return new EvalSet(Nd4j.create(scaled, new int[]{images.count(), images.pixelsPerImage()}), images.labels());
    }
}
