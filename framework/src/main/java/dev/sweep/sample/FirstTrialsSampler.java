package dev.sweep.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A sampler whose first trials are given (enqueued by the file, or another sweep's best for a warm start), and which
 * learns from another sweep's results before its own. A given trial's missing keys are the sampler's draw for that
 * number; a key that a given value switches on, and the sampler left out, is drawn uniformly, seeded by the sweep's
 * seed and the number, so the trial is the same every run.
 */
public final class FirstTrialsSampler implements Sampler {
    private final Sampler sampler;
    private final SamplingSpace space;
    private final List<Given> given;
    private final List<Observation> prior;
    private final long seed;

    /**
     * One trial to try first.
     *
     * @param values some of the space's searched keys
     * @param basis  what {@code show} says it was based on: {@code enqueued} or {@code warm_start}
     */
    public record Given(Map<String, Object> values, String basis) {
        public Given {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * @param prior results from elsewhere that the sampler learns from as if they were its own finished trials,
     *              numbered -1, -2, ... so that they never stand for one of this sweep's trials
     */
    public FirstTrialsSampler(Sampler sampler, SamplingSpace space, List<Given> given, List<Observation> prior, long seed) {
        if (given.size() > sampler.planned()) {
            throw new IllegalArgumentException(given.size() + " given trials for " + sampler.planned() + " planned");
        }
        if (prior.stream().anyMatch(o -> o.number() >= 0)) {
            throw new IllegalArgumentException("prior results are numbered below 0");
        }
        this.sampler = sampler;
        this.space = space;
        this.given = List.copyOf(given);
        this.prior = List.copyOf(prior);
        this.seed = seed;
    }

    /**
     * The values as a candidate of this space, with its fixed keys, if they hold every searched key that they make
     * active: what another sweep's trial must give to count as a result of this one's.
     */
    public static java.util.Optional<Map<String, Object>> complete(SamplingSpace space, Map<String, Object> searched) {
        Map<String, Object> full = space.conditions().activeOnly(new Neighbourhood(space).complete(searched, new Random(0)));
        boolean whole = full.entrySet().stream().allMatch(e -> space.specs().get(e.getKey()).isFixed() || searched.containsKey(e.getKey()));
        return whole ? java.util.Optional.of(full) : java.util.Optional.empty();
    }

    @Override
    public int planned() {
        return sampler.planned();
    }

    @Override
    public Suggestion suggest(int number, SamplerHistory history) {
        SamplerHistory seen = history;
        if (!prior.isEmpty()) {
            List<Observation> all = new ArrayList<>(prior);
            all.addAll(history.trials());
            seen = new SamplerHistory(all, history.maximize());
        }
        Suggestion drawn = sampler.suggest(number, seen);
        if (number >= given.size()) {
            return drawn;
        }
        Map<String, Object> base = new LinkedHashMap<>(drawn.values());
        base.putAll(given.get(number).values());
        Map<String, Object> full = new Neighbourhood(space).complete(base, TrialRandom.of(seed, number));
        return new Suggestion(space.conditions().activeOnly(full), given.get(number).basis(), List.of());
    }
}
