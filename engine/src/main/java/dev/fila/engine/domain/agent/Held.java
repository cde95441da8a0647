package dev.fila.engine.domain.agent;

/**
 * One request an agent holds: {@code reserved} while its invitation is pending (R11: the invitation
 * holds the slot), then active once the customer accepts (R12) until the agent closes it (R3).
 */
public record Held(long requestId, String queueId, boolean exclusive, boolean reserved, long sinceMillis) {

    /** R12: the same hold, now an active interaction since {@code atMillis}. */
    Held activated(long atMillis) {
        return new Held(requestId, queueId, exclusive, false, atMillis);
    }
}
