package dev.fila.engine.domain.request;

/**
 * R12, R17, R18: the interaction between the customer and the agent.
 *
 * @param state what the agent's list shows
 * @param stateBeforeAway the state to go back to when the customer returns (R17)
 * @param graceEndsAtMillis when the return grace runs out, while {@code CUSTOMER_AWAY}
 * @param callOngoing R3: for voice and video, whether the call is still up (the agent may hang up and
 *     keep the interaction open to write notes)
 */
public record Interaction(
        String agentId,
        long startedAtMillis,
        long waitedMillis,
        VisitorInfo visitor,
        InteractionState state,
        InteractionState stateBeforeAway,
        long graceEndsAtMillis,
        boolean callOngoing) {

    Interaction withState(InteractionState newState) {
        return new Interaction(
                agentId,
                startedAtMillis,
                waitedMillis,
                visitor,
                newState,
                stateBeforeAway,
                graceEndsAtMillis,
                callOngoing);
    }

    Interaction away(long graceEnds) {
        return new Interaction(
                agentId,
                startedAtMillis,
                waitedMillis,
                visitor,
                InteractionState.CUSTOMER_AWAY,
                state,
                graceEnds,
                callOngoing);
    }

    Interaction back() {
        return new Interaction(
                agentId, startedAtMillis, waitedMillis, visitor, stateBeforeAway, stateBeforeAway, 0, callOngoing);
    }

    Interaction hungUp() {
        return new Interaction(
                agentId, startedAtMillis, waitedMillis, visitor, state, stateBeforeAway, graceEndsAtMillis, false);
    }
}
