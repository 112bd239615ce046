package dev.sweep.prune;

/**
 * Hyperband (Li et al., JMLR 2018) over asynchronous successive halving, as Optuna's HyperbandPruner: brackets
 * b = 0..B-1 start their rungs at {@code minEpochs * reduction^b}, with B = floor(log_reduction(maxEpochs / minEpochs))
 * + 1. Trial k belongs to bracket k mod B and competes only with its bracket, so some brackets prune early and
 * aggressively and others late.
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

    public int bracketOf(int trial) {
        return trial % brackets();
    }

    @Override
    public boolean shouldPrune(int trial, int epoch, double value, History history) {
        int bracket = bracketOf(trial);
        int firstRung = minEpochs * (int) Math.pow(reduction, bracket);
        return new AshaPruner(firstRung, reduction).shouldPrune(trial, epoch, value, history,
                number -> bracketOf(number) == bracket);
    }

    @Override
    public String describe() {
        return "hyperband: " + brackets() + " brackets of asynchronous successive halving (reduction " + reduction
                + ", first rungs at epoch " + minEpochs + " x " + reduction + "^b); trial k in bracket k mod " + brackets();
    }
}
