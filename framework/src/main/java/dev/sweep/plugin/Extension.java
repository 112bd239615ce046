package dev.sweep.plugin;

/** An extension found by discovery, and where it came from: "built in", or the plugin jar's path. */
public record Extension<T>(T value, String origin) {
}
