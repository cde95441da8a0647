package dev.fila.engine.domain.request;

import java.util.List;

/**
 * Why a request refused a command. The customer sees {@link #message()}; {@link #fields()} names each
 * command field at fault.
 */
public record RequestRejection(Code code, String message, List<String> fields) {

    public RequestRejection {
        fields = List.copyOf(fields);
    }

    static RequestRejection of(Code code, String message) {
        return new RequestRejection(code, message, List.of());
    }

    public enum Code {
        /** The command needs an open request and there is none with that id. */
        NOT_FOUND,
        ALREADY_OPEN,
        UNKNOWN_QUEUE,
        /** R1: the queue does not take that channel (offline requests never queue). */
        CHANNEL_NOT_SERVED,
        /** R6: required fields are missing or invalid. */
        INVALID_FIELDS,
        /** R6, R27. */
        NO_ACTIVE_CONTRACT,
        /** R6, R16: the survey of the customer's previous request is unanswered. */
        SURVEY_PENDING,
        /** R7: outside business hours (offline requests remain possible). */
        QUEUE_CLOSED,
        /** R6, R14: the available-until time is already past. */
        AVAILABLE_UNTIL_PASSED,
        /** The request is not in a state where the command applies. */
        WRONG_STATE,
        /** R11: the invitation ran out before it was accepted. */
        INVITATION_EXPIRED,
        /** R14: renewal is possible from the next business day on. */
        RENEWAL_NOT_YET,
        /** R3: no call is up (a chat, or already hung up). */
        NO_CALL,
        /** R17: the customer ended the interaction; the agent must close it. */
        CUSTOMER_ENDED
    }
}
