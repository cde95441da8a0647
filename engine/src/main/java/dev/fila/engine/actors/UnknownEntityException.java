package dev.fila.engine.actors;

/** A query or command named an entity that does not exist: an error, never a new empty entity. */
public final class UnknownEntityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String message) {
        super(message);
    }
}
