package dev.fila.engine.domain.agent;

/** R5: the colour shown for an agent, derived from presence and load, never stored. */
public enum Colour {
    /** Online, holding no interaction. */
    GREEN,
    /** Online, in conversation, still under the concurrency limit: can be called. */
    BLUE,
    /** Online at the limit (or on an exclusive voice/video interaction): customers must use an offline request. */
    YELLOW,
    /** Away, busy or paused. */
    AWAY,
    OFFLINE
}
