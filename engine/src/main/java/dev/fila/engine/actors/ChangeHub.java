package dev.fila.engine.actors;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where entities publish their recorded changes and subscribers listen (item 5 of the live-engine
 * issue builds the read models and the SSE feed on it). Listeners run on the publishing entity's
 * thread, right after its events are stored: they must be quick and must not block; a listener that
 * throws is logged and kept. One hub per engine (per node).
 */
public final class ChangeHub {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeHub.class);

    private final CopyOnWriteArrayList<Consumer<? super EngineChange>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<? super EngineChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(EngineChange change) {
        for (Consumer<? super EngineChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a change listener failed on {}", change, e);
            }
        }
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }
}
