package dev.sweep.report;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Grids of small images, grey or colour: samples and misclassified images with their labels, and first-layer filters. */
final class ImageGrids {
    private ImageGrids() {
    }

    /** One labelled tile: {@code channels} planes of {@code rows x cols}, drawn in colour when there are three. */
    record Tile(float[] pixels, int rows, int cols, int channels, String caption) {
    }

    /** Tiles scaled up, in rows of {@code perRow}, each captioned; pixel values are stretched to black..white. */
    static byte[] grid(List<Tile> tiles, int perRow, int scale, String title) {
        int tileW = tiles.get(0).cols() * scale;
        int tileH = tiles.get(0).rows() * scale;
        int captionH = 18;
        int pad = 8;
        int rows = (tiles.size() + perRow - 1) / perRow;
        int width = pad + perRow * (tileW + pad);
        int height = 30 + rows * (tileH + captionH + pad);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, pad, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            int x0 = pad + (i % perRow) * (tileW + pad);
            int y0 = 30 + (i / perRow) * (tileH + captionH + pad);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : tile.pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            float span = max > min ? max - min : 1;
            int plane = tile.rows() * tile.cols();
            boolean colour = tile.channels() == 3;
            for (int y = 0; y < tile.rows(); y++) {
                for (int x = 0; x < tile.cols(); x++) {
                    int at = y * tile.cols() + x;
                    int red = Math.round(255 * (tile.pixels()[at] - min) / span);
                    g.setColor(colour ? new Color(red, Math.round(255 * (tile.pixels()[plane + at] - min) / span),
                            Math.round(255 * (tile.pixels()[2 * plane + at] - min) / span)) : new Color(red, red, red));
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(tile.caption(), x0, y0 + tileH + 13);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + title, e);
        }
    }
}
