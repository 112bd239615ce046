package dev.sweep.arch;

/** The shape of one input image and the number of classes. */
public record ImageShape(int height, int width, int channels, int classes) {
    public int pixels() {
        return height * width * channels;
    }
}
