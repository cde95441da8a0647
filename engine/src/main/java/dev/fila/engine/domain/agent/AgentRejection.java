package dev.fila.engine.domain.agent;

import java.util.List;

/**
 * Why an agent refused a command.
 *
 * @param fields the command fields at fault, when the code is about fields
 */
public record AgentRejection(Code code, String message, List<String> fields) {

    public AgentRejection {
        fields = List.copyOf(fields);
    }

    AgentRejection(Code code, String message) {
        this(code, message, List.of());
    }

    public enum Code {
        NOT_REGISTERED,
        ALREADY_REGISTERED,
        INVALID_FIELD,
        /** R4: a pause needs a reason. */
        REASON_REQUIRED
    }
}
