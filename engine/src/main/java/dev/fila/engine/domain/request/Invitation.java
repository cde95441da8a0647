package dev.fila.engine.domain.request;

/** R10, R11: a pending invitation by {@code agentId}, to be accepted before {@code expiresAtMillis}. */
public record Invitation(String agentId, long invitedAtMillis, long expiresAtMillis) {}
