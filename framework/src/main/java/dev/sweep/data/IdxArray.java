package dev.sweep.data;

import java.nio.file.Path;

/** The contents of one unsigned-byte IDX file: its dimensions and its values in row-major order. */
public record IdxArray(Path file, int[] dimensions, byte[] data) {
    public int count() {
        return dimensions[0];
    }

    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size *= dimensions[i];
        }
        return size;
    }
}
