package dev.sweep.data;

import javax.imageio.ImageReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The largest picture Sweep decodes, checked on the header before any pixel is: a PNG of a few megabytes can declare
 * 46000x46000 pixels, which decode to gigabytes.
 */
final class PictureSize {
    /** 64 megapixels: 8000x8000, far more than a classifier's input needs. */
    static final long MAX_PIXELS = 64L << 20;

    private PictureSize() {
    }

    /** @param fix what to do about a picture too large, as the error's last words */
    static void check(Path file, ImageReader reader, String fix) throws IOException {
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > MAX_PIXELS) {
            throw new DataException(file + ": a picture of " + width + "x" + height + " pixels, more than the " + (MAX_PIXELS >> 20)
                    + " megapixels Sweep decodes; nothing was allocated. Fix: " + fix);
        }
    }
}
