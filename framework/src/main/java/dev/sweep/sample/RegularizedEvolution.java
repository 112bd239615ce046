package dev.sweep.sample;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Regularized (aging) evolution (Real et al., AAAI 2019): the population is the {@code population} most recent trials
 * with an outcome; each suggestion samples {@code sample_size} of them, takes the best in {@link Ranking}'s order and
 * changes one of its parameters. The oldest trials leave the population whatever their value, which keeps a lucky
 * early trial from ruling the search. The first {@code population} trials are random.
 *
 * <p>A failed trial ranks last and so is almost never a parent; a running one is not a member until it finishes, but
 * a child equal to any trial, running or finished, is drawn again.
 */
final class RegularizedEvolution implements Sampler {
    private static final int REDRAWS = 20;

    private final SamplingSpace space;
    private final int trials;
    private final int population;
    private final int sampleSize;
    private final long seed;
    private final Neighbourhood neighbourhood;

    RegularizedEvolution(SamplingSpace space, int trials, int population, int sampleSize, long seed) {
        this.space = space;
        this.trials = trials;
        this.population = population;
        this.sampleSize = sampleSize;
        this.seed = seed;
        this.neighbourhood = new Neighbourhood(space);
    }

    @Override
    public int planned() {
        return trials;
    }

    @Override
    public Suggestion suggest(int number, SamplerHistory history) {
        Random random = TrialRandom.of(seed, number);
        List<Integer> saw = Ranking.saw(history, number);
        List<Observation> finished = history.finished().stream().filter(t -> t.number() != number)
                .sorted(Comparator.comparingInt(Observation::number)).toList();
        if (finished.size() < population || Ranking.scored(history, number).isEmpty()) {
            return new Suggestion(space.conditions().activeOnly(UniformDraw.of(space.specs(), random)), "startup", saw);
        }
        List<Observation> members = finished.subList(finished.size() - population, finished.size());
        List<Observation> ranked = Ranking.bestFirst(new SamplerHistory(members, history.maximize()), number);
        Map<String, Object> child = null;
        for (int attempt = 0; attempt < REDRAWS && (child == null || Neighbourhood.alreadyTried(child, history.trials())); attempt++) {
            child = neighbourhood.mutateOne(tournament(ranked, random).values(), random);
        }
        // What it based the child on is the population, not the trials that have aged out of it.
        return new Suggestion(child, "model", members.stream().map(Observation::number).toList());
    }

    /**
     * The best of {@code sample_size} members drawn with replacement, as Real et al.'s Algorithm 1 draws its sample:
     * the lowest rank among their indices.
     */
    private Observation tournament(List<Observation> ranked, Random random) {
        int best = Integer.MAX_VALUE;
        for (int k = 0; k < sampleSize; k++) {
            best = Math.min(best, random.nextInt(ranked.size()));
        }
        return ranked.get(best);
    }
}
