package dev.sweep.data;

/**
 * The mean and standard deviation of pixel / 255 in each channel of a set of images: what {@code normalize: dataset}
 * standardizes by, and what {@code data describe} prints.
 */
public record ChannelStatistics(float[] mean, float[] std) {
    public static ChannelStatistics of(ImageSet images) {
        int plane = images.rows() * images.cols();
        float[] mean = new float[images.channels()];
        float[] std = new float[images.channels()];
        double n = Math.max(1.0, (double) images.count() * plane);
        for (int c = 0; c < images.channels(); c++) {
            long sum = 0;
            double squares = 0;
            for (int i = 0; i < images.count(); i++) {
                int offset = i * images.pixelsPerImage() + c * plane;
                for (int k = 0; k < plane; k++) {
                    int v = images.pixels()[offset + k] & 0xff;
                    sum += v;
                    squares += (double) v * v;
                }
            }
            double m = sum / n / 255;
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(Math.max(0, squares / n / 255 / 255 - m * m));
        }
        return new ChannelStatistics(mean, std);
    }
}
