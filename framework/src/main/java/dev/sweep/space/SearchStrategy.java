package dev.sweep.space;

/**
 * Random search draws {@code trials} candidates; grid search walks every combination, with {@code points}
 * values per continuous or integer range.
 */
public record SearchStrategy(Type type, int trials, int points) {
    public enum Type { RANDOM, GRID }

    public static SearchStrategy random(int trials) {
        return new SearchStrategy(Type.RANDOM, trials, 0);
    }

    public static SearchStrategy grid(int points) {
        return new SearchStrategy(Type.GRID, 0, points);
    }

    public String describe() {
        return type == Type.RANDOM ? "random search, " + trials + " trials" : "grid search, " + points + " points per range";
    }
}
