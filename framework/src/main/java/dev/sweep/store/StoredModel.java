package dev.sweep.store;

import dev.sweep.arch.Network;

public record StoredModel(Network.Format format, byte[] bytes) {
}
