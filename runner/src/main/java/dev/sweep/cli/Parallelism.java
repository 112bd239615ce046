package dev.sweep.cli;

/** Checks {@code --parallel}: each trial takes a core, so more trials than cores only slow each other down. */
final class Parallelism {
    private Parallelism() {
    }

    static int check(int trials) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (trials < 1 || trials > 64) {
            throw new UserInputException("--parallel is 1 to 64 trials side by side, not " + trials
                    + "; this machine has " + cores + " cores, so --parallel " + cores + " uses them all");
        }
        return trials;
    }
}
