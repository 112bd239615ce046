package dev.sweep.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Turns a picture of one digit (PNG, JPEG, GIF, BMP) into a 28x28 MNIST-style image: grayscale, light ink on a dark
 * background (a light picture is inverted), and, unless it is already 28x28, cropped to its ink, scaled to fit 20x20
 * and centred by its centre of mass, as MNIST's own images were made.
 */
public final class DigitImages {
    private static final int SIDE = 28;
    private static final int BOX = 20;
    private static final double INK = 0.1;

    private DigitImages() {
    }

    /** Pixels in [0, 1], row by row, {@code 28 * 28} of them. */
    public static float[] read(Path file) {
        checkDeclaredSize(file);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read as an image: " + e.getMessage()
                    + ". Fix: give a PNG, JPEG, GIF or BMP picture, or an IDX images file.", e);
        }
        if (image == null) {
            throw new DataException(file + ": not an image Java can read. Fix: give a PNG, JPEG, GIF or BMP picture, "
                    + "or an IDX images file (train-images-idx3-ubyte style, raw or .gz).");
        }
        float[] gray = grayscale(image);
        if (mean(gray) > 0.5) {
            for (int i = 0; i < gray.length; i++) {
                gray[i] = 1 - gray[i];
            }
        }
        if (image.getWidth() == SIDE && image.getHeight() == SIDE) {
            return gray;
        }
        return centred(gray, image.getWidth(), image.getHeight(), file);
    }

    /** Reads only the picture's header, so a decompression bomb is refused before its pixels are allocated. */
    private static void checkDeclaredSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return; // ImageIO.read then says it is not an image it can read
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                PictureSize.check(file, reader, "scale it down (a digit needs no more than a few hundred pixels a side).");
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read as an image: " + e.getMessage()
                    + ". Fix: give a PNG, JPEG, GIF or BMP picture, or an IDX images file.", e);
        }
    }

    private static float[] grayscale(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] gray = new float[w * h];
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // Read gray samples as stored: getRGB would pass them through a gamma conversion to sRGB.
            Raster raster = image.getRaster();
            double max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            boolean alpha = raster.getNumBands() > 1;
            double alphaMax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double value = raster.getSample(x, y, 0) / max;
                    double opacity = alpha ? raster.getSample(x, y, 1) / alphaMax : 1;
                    gray[y * w + x] = (float) (opacity * value + (1 - opacity));
                }
            }
            return gray;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luminance = (0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff)) / 255.0;
                // Transparent pixels count as white paper.
                gray[y * w + x] = (float) (alpha * luminance + (1 - alpha));
            }
        }
        return gray;
    }

    private static float[] centred(float[] gray, int w, int h, Path file) {
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (gray[y * w + x] > INK) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            throw new DataException(file + ": the picture is blank: no digit found. Fix: give a picture of one digit.");
        }
        int boxW = right - left + 1;
        int boxH = bottom - top + 1;
        double scale = (double) BOX / Math.max(boxW, boxH);
        int scaledW = Math.max(1, (int) Math.round(boxW * scale));
        int scaledH = Math.max(1, (int) Math.round(boxH * scale));
        BufferedImage crop = new BufferedImage(boxW, boxH, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < boxH; y++) {
            for (int x = 0; x < boxW; x++) {
                int v = Math.round(gray[(top + y) * w + left + x] * 255);
                crop.getRaster().setSample(x, y, 0, v);
            }
        }
        BufferedImage scaled = new BufferedImage(scaledW, scaledH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(crop, 0, 0, scaledW, scaledH, null);
        g.dispose();
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < scaledH; y++) {
            for (int x = 0; x < scaledW; x++) {
                double v = scaled.getRaster().getSample(x, y, 0) / 255.0;
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        int offsetX = (int) Math.round(SIDE / 2.0 - (mass > 0 ? mx / mass : scaledW / 2.0));
        int offsetY = (int) Math.round(SIDE / 2.0 - (mass > 0 ? my / mass : scaledH / 2.0));
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < scaledH; y++) {
            for (int x = 0; x < scaledW; x++) {
                int tx = x + offsetX;
                int ty = y + offsetY;
                if (tx >= 0 && ty >= 0 && tx < SIDE && ty < SIDE) {
                    out[ty * SIDE + tx] = scaled.getRaster().getSample(x, y, 0) / 255f;
                }
            }
        }
        return out;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
