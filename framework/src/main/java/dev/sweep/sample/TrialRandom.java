package dev.sweep.sample;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The random generator of one trial's draws. A {@code java.util.Random} seeded with {@code seed * k + number} gives
 * nearly the same first draw for neighbouring numbers (its seed scrambling is one multiplication), which stuck the
 * learning samplers' startup trials on one value; SplitMix64 (SplittableRandom) mixes every bit of both first.
 */
final class TrialRandom {
    private TrialRandom() {
    }

    static Random of(long seed, int number) {
        return new Random(new SplittableRandom(new SplittableRandom(seed).nextLong() ^ number).nextLong());
    }
}
