package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Moves from a known candidate to a nearby one, in each parameter's search scale: what evolution mutates and where
 * Bayesian optimization looks for expected improvement besides uniform draws.
 */
final class Neighbourhood {
    private final SamplingSpace space;

    Neighbourhood(SamplingSpace space) {
        this.space = space;
    }

    /**
     * A stored candidate with every key of the space, in the space's types: its inactive keys drawn at random (so that
     * a move that switches a condition on has a value to use), its values as the space's own objects (a stored 64 may
     * come back as a Long where the file gave an Integer).
     */
    Map<String, Object> complete(Map<String, Object> base, Random random) {
        Map<String, Object> full = UniformDraw.of(space.specs(), random);
        base.forEach((key, value) -> {
            ParameterSpec spec = space.specs().get(key);
            if (spec != null && !spec.isFixed()) {
                full.put(key, canonical(spec, value));
            }
        });
        return full;
    }

    /** One active, searched parameter changed: a choice to another value, a range by a step of about a fifth of it. */
    Map<String, Object> mutateOne(Map<String, Object> base, Random random) {
        Map<String, Object> child = complete(base, random);
        List<String> searched = new ArrayList<>();
        space.conditions().activeOnly(child).keySet().forEach(key -> {
            if (!space.specs().get(key).isFixed()) {
                searched.add(key);
            }
        });
        if (searched.isEmpty()) {
            return space.conditions().activeOnly(child);
        }
        String key = searched.get(random.nextInt(searched.size()));
        child.put(key, moved(space.specs().get(key), child.get(key), 0.2, random));
        return space.conditions().activeOnly(child);
    }

    /** Every searched parameter moved with probability {@code p}, ranges by a Gaussian step of {@code width} of them. */
    Map<String, Object> perturb(Map<String, Object> base, double p, double width, Random random) {
        Map<String, Object> child = complete(base, random);
        space.specs().forEach((key, spec) -> {
            if (!spec.isFixed() && random.nextDouble() < p) {
                child.put(key, moved(spec, child.get(key), width, random));
            }
        });
        return space.conditions().activeOnly(child);
    }

    private static Object moved(ParameterSpec spec, Object value, double width, Random random) {
        if (spec instanceof ParameterSpec.Choice choice) {
            int current = indexOf(choice.values(), value);
            int other = random.nextInt(choice.values().size() - 1);
            return choice.values().get(other >= current ? other + 1 : other);
        }
        NumericScale scale = NumericScale.of(spec);
        double span = scale.high() - scale.low();
        double x = scale.toInternal(((Number) value).doubleValue());
        Object moved = value;
        // A move smaller than one step rounds back to the same value: try again, wider, a few times.
        for (int attempt = 0; attempt < 8 && ParameterValues.format(moved).equals(ParameterValues.format(value)); attempt++) {
            double y = x + random.nextGaussian() * width * span * (1 + attempt);
            y = reflect(y, scale.low(), scale.high());
            moved = scale.toValue(y);
        }
        return moved;
    }

    /** Folds a step that leaves the range back into it, so the ends are not drawn more often than the inside. */
    private static double reflect(double y, double low, double high) {
        double span = high - low;
        double t = (y - low) % (2 * span);
        if (t < 0) {
            t += 2 * span;
        }
        return low + (t <= span ? t : 2 * span - t);
    }

    static Object canonical(ParameterSpec spec, Object value) {
        if (spec instanceof ParameterSpec.Choice choice) {
            int index = indexOf(choice.values(), value);
            return index >= 0 ? choice.values().get(index) : value;
        }
        if (spec instanceof ParameterSpec.IntRange || spec instanceof ParameterSpec.FloatRange) {
            NumericScale scale = NumericScale.of(spec);
            return scale.discrete() ? scale.toValue(scale.toInternal(((Number) value).doubleValue())) : ((Number) value).doubleValue();
        }
        return value;
    }

    /** By the value's text, for the same reason as {@link #complete}. */
    static int indexOf(List<Object> choices, Object value) {
        String text = ParameterValues.format(value);
        for (int c = 0; c < choices.size(); c++) {
            if (ParameterValues.format(choices.get(c)).equals(text)) {
                return c;
            }
        }
        return -1;
    }

    /** Whether a candidate is already among the trials: the same keys, the same values as text. */
    static boolean alreadyTried(Map<String, Object> candidate, List<Observation> trials) {
        Map<String, String> text = asText(candidate);
        return trials.stream().anyMatch(t -> asText(t.values()).equals(text));
    }

    private static Map<String, String> asText(Map<String, Object> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, ParameterValues.format(v)));
        return text;
    }
}
