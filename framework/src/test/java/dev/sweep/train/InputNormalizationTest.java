package dev.sweep.train;

import dev.sweep.data.ChannelStatistics;
import dev.sweep.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InputNormalizationTest {
    private static final int PLANE = 10 * 10;

    /** Colour pictures whose channels differ: red bright and spread, green dim, blue mid-grey and nearly flat. */
    private static ImageSet unevenChannels(int count) {
        Random random = new Random(11);
        byte[] pixels = new byte[count * 3 * PLANE];
        for (int i = 0; i < count * 3 * PLANE; i++) {
            int channel = (i / PLANE) % 3;
            int value = switch (channel) {
                case 0 -> 100 + random.nextInt(156);
                case 1 -> random.nextInt(40);
                default -> 120 + random.nextInt(8);
            };
            pixels[i] = (byte) value;
        }
        return new ImageSet(pixels, new int[count], 10, 10, 3);
    }

    @Test
    void datasetNormalizationGivesEveryChannelOfTheTrainingImagesMeanZeroAndUnitSpread() {
        ImageSet images = unevenChannels(300);
        ChannelStatistics statistics = ChannelStatistics.of(images);
        assertThat(statistics.mean()[0]).isGreaterThan(statistics.mean()[2]).isGreaterThan(statistics.mean()[1]);
        InputNormalization dataset = InputNormalization.named("dataset", statistics.mean(), statistics.std());
        float[] batch = new TrainingBatches(images, 2, images.count(), new Random(3), dataset,
                new Augmentation(0, 0, false, new Random(1))).next()[0].dup().data().asFloat();
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int i = 0; i < images.count(); i++) {
                for (int k = 0; k < PLANE; k++) {
                    float v = batch[i * 3 * PLANE + c * PLANE + k];
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            assertThat(sum / n).as("channel %d's mean", c).isCloseTo(0, within(1e-3));
            assertThat(Math.sqrt(squares / n)).as("channel %d's spread", c).isCloseTo(1, within(1e-3));
        }
    }

    @Test
    void evaluationNormalizesAMatrixExactlyAsTrainingNormalizesEachPixel() {
        ImageSet images = unevenChannels(20);
        ChannelStatistics statistics = ChannelStatistics.of(images);
        for (InputNormalization normalization : new InputNormalization[]{InputNormalization.SCALE, InputNormalization.STANDARDIZE,
                InputNormalization.named("dataset", statistics.mean(), statistics.std())}) {
            float[] scaled = new float[images.pixels().length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = (images.pixels()[i] & 0xff) / 255f;
            }
            INDArray matrix = normalization.apply(Nd4j.create(scaled.clone(), new long[]{20, 3 * PLANE}, 'c'));
            float[] byMatrix = matrix.dup().data().asFloat();
            for (int i = 0; i < scaled.length; i++) {
                assertThat(byMatrix[i]).as("%s at %d", normalization, i)
                        .isCloseTo(normalization.apply(scaled[i], (i % (3 * PLANE)) / PLANE), within(1e-5f));
            }
        }
        assertThat(InputNormalization.STANDARDIZE.apply(0.5f, 2)).as("MNIST's constants, whatever the channel")
                .isEqualTo((0.5f - 0.1307f) / 0.3081f);
    }
}
