package dev.fila.engine.actors;

/**
 * Marks the shell's own messages (entity commands, replies, views) for Jackson CBOR: the one binding
 * in {@code pekko.actor.serialization-bindings}. The domain's events and states are bound by their
 * sealed roots instead, since the pure domain package may not depend on this interface.
 */
public interface CborSerializable {}
