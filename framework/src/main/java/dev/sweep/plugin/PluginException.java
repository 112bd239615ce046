package dev.sweep.plugin;

/** Plugins that cannot be used together or at all (two of one name, a clash with the trainer): bad input, exit 2. */
public final class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }
}
