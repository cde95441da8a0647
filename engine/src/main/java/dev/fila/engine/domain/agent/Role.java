package dev.fila.engine.domain.agent;

/** R4: the roles a user may hold. An agent whose only role is {@link #AGENT} goes online on login. */
public enum Role {
    AGENT,
    SUPERVISOR,
    ADMINISTRATOR
}
