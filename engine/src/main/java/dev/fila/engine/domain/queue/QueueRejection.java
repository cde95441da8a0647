package dev.fila.engine.domain.queue;

/** Why a queue refused a command. Commands that arrive late (about a request that has since left) are not refused: they change nothing. */
public record QueueRejection(Code code, String message) {

    public enum Code {
        /** The request already stands in this line. */
        ALREADY_IN_LINE,
        /** The command came from an agent that does not serve this queue, or carries impossible figures. */
        INVALID_COMMAND
    }
}
