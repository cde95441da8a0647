package dev.fila.engine.actors;

import java.time.Clock;

/**
 * What every entity shell is built with: the engine's clock (the only way wall time enters, item 2),
 * its settings, the change hub and the postman that delivers sends between entities.
 */
public record ShellContext(Clock clock, EngineSettings settings, ChangeHub hub, Postman postman) {}
