package dev.sweep.config;

import dev.sweep.prune.Pruner;
import dev.sweep.prune.PrunerType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code pruner:} of a sweep file: the pruner type it names and every setting of that type, from the file or
 * the type's defaults.
 */
public record PrunerSpec(PrunerType type, Map<String, Object> settings) {
    public PrunerSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public String name() {
        return type.name();
    }

    /** @param maxEpochs the most epochs any trial of the sweep trains */
    public Pruner create(int maxEpochs) {
        return type.create(settings, maxEpochs);
    }
}
