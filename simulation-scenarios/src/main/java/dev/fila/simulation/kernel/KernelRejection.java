package dev.fila.simulation.kernel;

/**
 * A refused command: which aggregate ({@code target} and its id), what it was told, and the decider's
 * rejection record (a {@code RequestRejection}, {@code AgentRejection} or {@code QueueRejection}).
 *
 * @param external whether the command came from outside the domain (a driver) rather than from another
 *     aggregate
 */
public record KernelRejection(
        long atMillis, Target target, String entityId, Object command, Object rejection, boolean external) {

    /** The kind of aggregate that refused. */
    public enum Target {
        REQUEST,
        AGENT,
        QUEUE
    }
}
