package dev.fila.engine.domain;

/** Changes that subscribers (customer portals, boards) should hear about beyond the entity's own events. */
public sealed interface Notification {

    /**
     * R8: the waiting line changed so that every request from {@code fromPosition} (1-based) to the back
     * has a new position and ETA.
     */
    record LineChanged(String queueId, int fromPosition) implements Notification {}
}
