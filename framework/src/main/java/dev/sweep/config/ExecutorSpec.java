package dev.sweep.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What runs a sweep's trials: the executor type the {@code executor:} section names ({@code local}, the default: this
 * process), every setting it declares (the file's value or its default), and its {@code conf}.
 */
public record ExecutorSpec(String type, Map<String, Object> settings, Map<String, String> conf) {
    public static final String LOCAL = "local";
    public static final ExecutorSpec IN_PROCESS = new ExecutorSpec(LOCAL, Map.of(), Map.of());

    public ExecutorSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }

    public boolean isLocal() {
        return LOCAL.equals(type);
    }

    /** A text setting, or null where it has none. */
    public String text(String setting) {
        Object value = settings.get(setting);
        return value == null ? null : value.toString();
    }

    public boolean flag(String setting) {
        return Boolean.TRUE.equals(settings.get(setting));
    }

    /** The same type and conf with one setting changed, as a command-line option does. */
    public ExecutorSpec with(String setting, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(settings);
        changed.put(setting, value);
        return new ExecutorSpec(type, changed, conf);
    }
}
