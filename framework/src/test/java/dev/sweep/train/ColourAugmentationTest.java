package dev.sweep.train;

import dev.sweep.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ColourAugmentationTest {
    private static final int SIDE = 12;
    private static final int PLANE = SIDE * SIDE;

    /** Pictures whose green plane repeats the red one and whose blue plane is black. */
    private static ImageSet redAndGreenAlike(int count) {
        Random random = new Random(3);
        byte[] pixels = new byte[count * 3 * PLANE];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < PLANE; i++) {
                byte value = (byte) random.nextInt(256);
                pixels[n * 3 * PLANE + i] = value;
                pixels[n * 3 * PLANE + PLANE + i] = value;
            }
        }
        return new ImageSet(pixels, new int[count], SIDE, SIDE, 3);
    }

    private static float[] batch(ImageSet images, Augmentation augmentation) {
        INDArray features = new TrainingBatches(images, 2, images.count(), new Random(5), InputNormalization.SCALE, augmentation)
                .next()[0];
        return features.dup().data().asFloat();
    }

    @Test
    void rotationAndShiftMoveEveryChannelOfAColourPictureAlike() {
        ImageSet images = redAndGreenAlike(64);
        float[] plain = batch(images, new Augmentation(0, 0, false, new Random(9)));
        float[] moved = batch(images, new Augmentation(20, 0.1, false, new Random(9)));
        assertThat(moved).isNotEqualTo(plain);
        for (int n = 0; n < images.count(); n++) {
            for (int i = 0; i < PLANE; i++) {
                int red = n * 3 * PLANE + i;
                assertThat(moved[red + PLANE]).as("green follows red").isEqualTo(moved[red]);
                assertThat(moved[red + 2 * PLANE]).as("blue stays black").isZero();
            }
        }
    }

    @Test
    void flipMirrorsAboutHalfThePicturesLeftToRightAndLeavesTheRestAsTheyWere() {
        ImageSet images = redAndGreenAlike(200);
        float[] plain = batch(images, new Augmentation(0, 0, false, new Random(9)));
        float[] flipped = batch(images, new Augmentation(0, 0, true, new Random(9)));
        int mirrored = 0;
        for (int n = 0; n < images.count(); n++) {
            boolean same = true;
            boolean mirror = true;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int base = n * 3 * PLANE + c * PLANE + y * SIDE;
                        same &= flipped[base + x] == plain[base + x];
                        mirror &= flipped[base + x] == plain[base + SIDE - 1 - x];
                    }
                }
            }
            assertThat(same || mirror).as("picture %d is either as it was or its mirror image", n).isTrue();
            mirrored += mirror && !same ? 1 : 0;
        }
        assertThat(mirrored).isBetween(70, 130);
    }
}
