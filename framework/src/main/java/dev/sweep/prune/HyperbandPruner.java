package dev.sweep.prune;

/**
 * Hyperband (Li et al., JMLR 2018) over asynchronous successive halving, as Optuna's HyperbandPruner: brackets
 * b = 0..B-1 start their rungs at {@code minEpochs * reduction^b}, with B = floor(log_reduction(maxEpochs / minEpochs))
 * + 1. Bracket b gets ceil(B * reduction^s / (s + 1)) trials of every cycle, s = B - 1 - b, as in the paper's Algorithm 1
 * (9:5:3 for three brackets of reduction 3), so most trials go to the aggressive brackets, which stop early. A trial
 * competes only with its bracket, and a sampler learns only from its bracket's trials, as Optuna shows each sampler.
 */
public record HyperbandPruner(int minEpochs, int reduction, int maxEpochs) implements Pruner {

    public int brackets() {
        int count = 1;
        long start = (long) minEpochs * reduction;
        while (start <= maxEpochs) {
            count++;
            start *= reduction;
        }
        return count;
    }

    /** How many trials of each cycle bracket b gets: ceil(B * reduction^s / (s + 1)), s = B - 1 - b. */
    public int share(int bracket) {
        int s = brackets() - 1 - bracket;
        return (int) Math.ceil(brackets() * Math.pow(reduction, s) / (s + 1));
    }

    /**
     * Trial k's bracket: the cycle of all brackets' shares is dealt by smooth weighted round robin, so that the brackets
     * interleave (a sweep cut short still has trials in each) and every full cycle holds each bracket's exact share.
     */
    public int bracketOf(int trial) {
        int brackets = brackets();
        int[] shares = new int[brackets];
        int cycle = 0;
        for (int b = 0; b < brackets; b++) {
            shares[b] = share(b);
            cycle += shares[b];
        }
        int[] credit = new int[brackets];
        int chosen = 0;
        for (int position = 0; position <= trial % cycle; position++) {
            chosen = 0;
            for (int b = 0; b < brackets; b++) {
                credit[b] += shares[b];
                if (credit[b] > credit[chosen]) {
                    chosen = b;
                }
            }
            credit[chosen] -= cycle;
        }
        return chosen;
    }

    @Override
    public boolean shouldPrune(int trial, int epoch, double value, History history) {
        int bracket = bracketOf(trial);
        int firstRung = minEpochs * (int) Math.pow(reduction, bracket);
        return new AshaPruner(firstRung, reduction).shouldPrune(trial, epoch, value, history,
                number -> bracketOf(number) == bracket);
    }

    @Override
    public boolean competesWith(int trial, int other) {
        return bracketOf(trial) == bracketOf(other);
    }

    @Override
    public String describe() {
        StringBuilder shares = new StringBuilder();
        for (int b = 0; b < brackets(); b++) {
            shares.append(b == 0 ? "" : ":").append(share(b));
        }
        return "hyperband: " + brackets() + " brackets of asynchronous successive halving (reduction " + reduction
                + ", first rungs at epoch " + minEpochs + " x " + reduction + "^b), sharing the trials " + shares;
    }
}
