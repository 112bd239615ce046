package dev.sweep.testkit;

import dev.sweep.sample.Observation;
import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplerHistory;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplingSpace;
import dev.sweep.sample.Suggestion;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every sampler type must do, Sweep's own and a plugin's; a plugin's test extends it in one line:
 * {@code class MySamplerContractTest extends SamplerContract { MySamplerContractTest() { super(new MySampler()); } }}.
 * It runs at the type's defaults and, for each true-or-false setting, with that setting switched.
 */
public abstract class SamplerContract {
    private static final int TRIALS = 12;

    private final SamplerType type;

    protected SamplerContract(SamplerType type) {
        this.type = type;
    }

    /**
     * Every kind of parameter: a log range, a stepped int range, a plain float range, a stepped float range, choices, and
     * a conditional one.
     */
    private static SamplingSpace space() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("learning_rate", new ParameterSpec.FloatRange(1e-4, 1e-1, true));
        specs.put("units", new ParameterSpec.IntRange(32, 256, 32));
        specs.put("dropout", new ParameterSpec.FloatRange(0.0, 0.5, false));
        specs.put("decay", new ParameterSpec.FloatRange(0.0, 0.3, false, 0.05));
        specs.put("optimizer", new ParameterSpec.Choice(List.of("adam", "sgd")));
        specs.put("momentum", new ParameterSpec.Choice(List.of(0.5, 0.9)));
        specs.put("epochs", new ParameterSpec.Fixed(2));
        return new SamplingSpace(specs, new Conditions(Map.of("momentum", Map.of("optimizer", List.of("sgd")))));
    }

    private static Map<String, Object> defaults(SamplerType type) {
        return TypeChecks.defaults(type.settings());
    }

    private static void assertInsideTheSpace(Map<String, Object> c) {
        assertThat((Double) c.get("learning_rate")).isBetween(1e-4, 1e-1);
        assertThat((Integer) c.get("units")).isBetween(32, 256).matches(u -> (u - 32) % 32 == 0, "on the step");
        assertThat((Double) c.get("dropout")).isBetween(0.0, 0.5);
        assertThat((Double) c.get("decay")).isIn(0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3);
        assertThat(c.get("optimizer")).isIn("adam", "sgd");
        assertThat(c.get("epochs")).isEqualTo(2);
        if (c.get("optimizer").equals("sgd")) {
            assertThat(c.get("momentum")).isIn(0.5, 0.9);
        } else {
            assertThat(c).as("momentum is only drawn for sgd").doesNotContainKey("momentum");
        }
    }

    /** A history with a trial in every state: complete, pruned, failed and one still running. */
    private static SamplerHistory mixedHistory(Sampler sampler) {
        List<Observation> trials = new ArrayList<>();
        TrialState[] states = {TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAILED, TrialState.COMPLETE, TrialState.RUNNING,
                TrialState.COMPLETE};
        for (int number = 0; number < states.length; number++) {
            Map<String, Object> values = sampler.suggest(number, SamplerHistory.empty(true)).values();
            Double objective = states[number] == TrialState.COMPLETE || states[number] == TrialState.PRUNED ? 0.5 + 0.07 * number : null;
            trials.add(new Observation(number, values, states[number], objective, states[number] == TrialState.PRUNED ? 1 : 2));
        }
        return new SamplerHistory(trials, true);
    }

    /** The defaults, and for each true-or-false setting the defaults with it switched. */
    private static List<Map<String, Object>> variants(SamplerType type) {
        List<Map<String, Object>> variants = new ArrayList<>(List.of(defaults(type)));
        for (ParameterDeclaration setting : type.settings()) {
            if (setting.defaultValue() instanceof Boolean on) {
                Map<String, Object> switched = defaults(type);
                switched.put(setting.name(), !on);
                variants.add(switched);
            }
        }
        return variants;
    }

    @Test
    void itsNameDescriptionAndSettingsAreWellFormed() {
        TypeChecks.wellFormed(type.name(), type.description(), type.settings(), false);
        assertThat(type.describe(TRIALS, defaults(type))).startsWith(type.name() + " search, ");
    }

    @TestFactory
    Stream<DynamicTest> everySuggestionIsInsideTheSpaceAndTheSameHistoryAndSeedGiveTheSameOne() {
        return variants(type).stream().map(settings -> DynamicTest.dynamicTest(settings.toString(), () -> {
            assertThat(type.problemsWith(space(), TRIALS, settings)).isEmpty();
            Sampler sampler = type.create(space(), TRIALS, settings, 7);
            assertThat(sampler.planned()).isPositive();
            SamplerHistory history = mixedHistory(sampler);
            for (int number = 0; number < sampler.planned(); number++) {
                Suggestion empty = sampler.suggest(number, SamplerHistory.empty(true));
                assertInsideTheSpace(empty.values());
                assertThat(empty.basis()).isNotBlank();
                Suggestion learned = sampler.suggest(number, history);
                assertInsideTheSpace(learned.values());
                assertThat(type.create(space(), TRIALS, settings, 7).suggest(number, history))
                        .as("the same history and seed give the same suggestion").isEqualTo(learned);
                assertThat(learned.saw()).as("it saw only finished trials").isSubsetOf(0, 1, 2, 3, 5);
            }
        }));
    }

    @Test
    void aSearchThatPlansItsOwnTrialsNeverRepeatsAPoint() {
        Sampler sampler = type.create(space(), TRIALS, defaults(type), 7);
        if (type.plansItsOwnTrials()) {
            Set<Map<String, Object>> points = new HashSet<>(sampler.firstWithoutHistory(sampler.planned()));
            assertThat(points).as("a grid never repeats a point").hasSize(sampler.planned());
        } else {
            assertThat(sampler.planned()).as("it runs the file's trials").isEqualTo(TRIALS);
        }
    }

    /** One chance in 10,000 that a fair sampler fails any one of the statistical tests below at the contract's seed. */
    private static final double ALPHA = 1e-4;
    /** Draws with no trial finished: all of a random search, a learning sampler's startup trials. */
    private static final int DRAWS = 400;
    /** A continuous range's bins, and the most levels a parameter keeps, in tables of two parameters. */
    private static final int BINS = 4;

    private static boolean continuous(ParameterSpec spec) {
        return spec instanceof ParameterSpec.FloatRange r && !r.stepped();
    }

    /** A continuous range's value as a point of [0, 1] in its search scale: its logarithm's place on a log range. */
    private static double unit(ParameterSpec spec, Object value) {
        ParameterSpec.FloatRange r = (ParameterSpec.FloatRange) spec;
        double v = ((Number) value).doubleValue();
        return r.log() ? Math.log(v / r.min()) / Math.log(r.max() / r.min()) : (v - r.min()) / (r.max() - r.min());
    }

    /** How many values a discrete parameter has: a choice's, or a stepped range's steps. */
    private static int levels(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Choice c) {
            return c.values().size();
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return Math.toIntExact(r.stepCount() + 1);
        }
        return Math.toIntExact(((ParameterSpec.FloatRange) spec).stepCount() + 1);
    }

    /** A discrete parameter's value as its index: a choice's place, a step's number. */
    private static int level(ParameterSpec spec, Object value) {
        if (spec instanceof ParameterSpec.Choice c) {
            String text = ParameterValues.format(value);
            for (int i = 0; i < c.values().size(); i++) {
                if (ParameterValues.format(c.values().get(i)).equals(text)) {
                    return i;
                }
            }
            throw new AssertionError(value + " is not among " + c.values());
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return Math.toIntExact((((Number) value).longValue() - r.min()) / r.step());
        }
        ParameterSpec.FloatRange r = (ParameterSpec.FloatRange) spec;
        return Math.toIntExact(Math.round((((Number) value).doubleValue() - r.min()) / r.step()));
    }

    /** At most {@link #BINS} classes: a continuous range's equal bins, a discrete parameter's levels grouped in order. */
    private static int binned(ParameterSpec spec, Object value) {
        if (continuous(spec)) {
            return DrawStatistics.bin(unit(spec, value), BINS);
        }
        int levels = levels(spec);
        return levels <= BINS ? level(spec, value) : level(spec, value) * BINS / levels;
    }

    /** The searched parameters every candidate has. */
    private static List<String> unconditional(SamplingSpace space) {
        return space.specs().entrySet().stream()
                .filter(e -> !e.getValue().isFixed() && !space.conditions().isConditional(e.getKey())).map(Map.Entry::getKey).toList();
    }

    private List<Map<String, Object>> drawsWithNoTrialFinished() {
        Sampler sampler = type.create(space(), DRAWS, defaults(type), 7);
        List<Map<String, Object>> draws = new ArrayList<>();
        for (int number = 0; number < DRAWS; number++) {
            draws.add(sampler.suggest(number, SamplerHistory.empty(true)).values());
        }
        return draws;
    }

    private static double[] column(List<Map<String, Object>> draws, String key, ToDoubleFunction<Object> f) {
        return draws.stream().map(d -> d.get(key)).filter(Objects::nonNull).mapToDouble(f).toArray();
    }

    @Test
    void beforeAnyTrialFinishesEachParameterIsDrawnUniformlyInItsSearchScale() {
        assumeFalse(type.plansItsOwnTrials(), "a search that plans its own points is checked for balance instead");
        SamplingSpace space = space();
        List<Map<String, Object>> draws = drawsWithNoTrialFinished();
        space.specs().forEach((key, spec) -> {
            if (spec.isFixed()) {
                return;
            }
            List<Object> values = draws.stream().map(d -> d.get(key)).filter(Objects::nonNull).toList();
            assertThat(values).as("'%s' is drawn whenever it is active", key).hasSizeGreaterThan(DRAWS / 4);
            double p = continuous(spec) ? DrawStatistics.uniformity(values.stream().mapToDouble(v -> unit(spec, v)).toArray())
                    : DrawStatistics.evenness(values.stream().mapToInt(v -> level(spec, v)).toArray(), levels(spec));
            assertThat(p).as("p-value of '%s' being uniform in its search scale over %d draws (%s); its first draws: %s", key,
                    values.size(), continuous(spec) ? "Kolmogorov-Smirnov" : "chi-square", values.subList(0, 8)).isGreaterThan(ALPHA);
        });
    }

    @Test
    void beforeAnyTrialFinishesDifferentParametersAreDrawnIndependently() {
        assumeFalse(type.plansItsOwnTrials(), "a search that plans its own points is checked for balance instead");
        SamplingSpace space = space();
        List<Map<String, Object>> draws = drawsWithNoTrialFinished();
        List<String> keys = unconditional(space);
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                String a = keys.get(i);
                String b = keys.get(j);
                int[] x = draws.stream().mapToInt(d -> binned(space.specs().get(a), d.get(a))).toArray();
                int[] y = draws.stream().mapToInt(d -> binned(space.specs().get(b), d.get(b))).toArray();
                assertThat(DrawStatistics.independence(x, y)).as("p-value of '%s' and '%s' being drawn independently (chi-square)",
                        a, b).isGreaterThan(ALPHA);
            }
        }
    }

    /** Trials 0 and 1, 2 and 3, ...: what one trial drew must not tell what the next one draws. */
    @Test
    void beforeAnyTrialFinishesConsecutiveTrialsDrawIndependently() {
        assumeFalse(type.plansItsOwnTrials(), "a search that plans its own points is checked for balance instead");
        SamplingSpace space = space();
        List<Map<String, Object>> draws = drawsWithNoTrialFinished();
        for (String key : unconditional(space)) {
            ParameterSpec spec = space.specs().get(key);
            int[] first = new int[DRAWS / 2];
            int[] next = new int[DRAWS / 2];
            for (int k = 0; k < DRAWS / 2; k++) {
                first[k] = binned(spec, draws.get(2 * k).get(key));
                next[k] = binned(spec, draws.get(2 * k + 1).get(key));
            }
            assertThat(DrawStatistics.independence(first, next))
                    .as("p-value of '%s' in trial 2k+1 being independent of trial 2k's (chi-square); trials 0-7 drew %s", key,
                            draws.subList(0, 8).stream().map(d -> d.get(key)).toList()).isGreaterThan(ALPHA);
        }
    }

    /**
     * Within each branch of the space (the candidates with the same active parameters), every value of a parameter comes
     * equally often and every pair of two parameters' values comes together, and a range's values are evenly spaced in
     * its search scale, both ends included.
     */
    @Test
    void aSearchThatPlansItsOwnPointsCoversEachBranchEvenly() {
        assumeTrue(type.plansItsOwnTrials(), "a search that draws its points is checked for uniform draws instead");
        SamplingSpace space = space();
        Sampler sampler = type.create(space, 0, defaults(type), 7);
        Map<Set<String>, List<Map<String, Object>>> branches = sampler.firstWithoutHistory(sampler.planned()).stream()
                .collect(Collectors.groupingBy(c -> new HashSet<>(c.keySet()), LinkedHashMap::new, Collectors.toList()));
        for (List<Map<String, Object>> branch : branches.values()) {
            List<String> keys = branch.get(0).keySet().stream().filter(k -> !space.specs().get(k).isFixed()).toList();
            for (String key : keys) {
                Map<String, Long> counts = branch.stream().collect(Collectors.groupingBy(c -> ParameterValues.format(c.get(key)),
                        Collectors.counting()));
                assertThat(new HashSet<>(counts.values())).as("how often each value of '%s' comes: %s", key, counts).hasSize(1);
                ParameterSpec spec = space.specs().get(key);
                if (continuous(spec)) {
                    double[] units = java.util.Arrays.stream(column(branch, key, v -> unit(spec, v))).distinct().sorted().toArray();
                    for (int i = 0; i < units.length; i++) {
                        assertThat(units[i]).as("the values of '%s' in its search scale: %s", key, java.util.Arrays.toString(units))
                                .isCloseTo(units.length == 1 ? 0.5 : i / (units.length - 1.0), org.assertj.core.data.Offset.offset(1e-6));
                    }
                }
                for (String other : keys) {
                    if (other.compareTo(key) > 0) {
                        Map<String, Long> pairs = branch.stream().collect(Collectors.groupingBy(
                                c -> ParameterValues.format(c.get(key)) + " & " + ParameterValues.format(c.get(other)), Collectors.counting()));
                        assertThat(pairs).as("pairs of '%s' and '%s'", key, other)
                                .hasSize(counts.size() * (int) branch.stream().map(c -> ParameterValues.format(c.get(other))).distinct().count());
                        assertThat(new HashSet<>(pairs.values())).as("how often each pair of '%s' and '%s' comes: %s", key, other, pairs)
                                .hasSize(1);
                    }
                }
            }
        }
    }
}
