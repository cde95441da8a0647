package dev.fila.engine.domain.request;

/** R18: the one state an interaction shows in the agent's list. */
public enum InteractionState {
    /** Not opened by the agent yet (red, with a sound). */
    NEW,
    /** The customer wrote last. */
    AWAITING_AGENT,
    /** The agent wrote last. */
    AWAITING_CUSTOMER,
    /** R17: the customer left for good; the agent must close (yellow). */
    CUSTOMER_ENDED,
    /** R17: the customer left the page; the return grace is running (grey). */
    CUSTOMER_AWAY
}
