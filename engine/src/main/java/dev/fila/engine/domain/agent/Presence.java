package dev.fila.engine.domain.agent;

/** R4: an agent's presence. Only {@link #ONLINE} agents are offered work. */
public enum Presence {
    OFFLINE,
    ONLINE,
    AWAY,
    BUSY,
    /** Paused, always with a reason. */
    PAUSED
}
