package dev.sweep.cli;

/** A count with its noun: "1 complete trial", "2 complete trials". */
final class Plural {
    private Plural() {
    }

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
