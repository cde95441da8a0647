package dev.fila.engine.actors.projections;

import dev.fila.engine.actors.EngineChange;
import dev.fila.engine.actors.LineView;
import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates (R8: "updated automatically without reloading"), pushed, never polled. It listens to
 * the entities' recorded changes on the engine's change hub: a queue's event or its {@code
 * LineChanged} notification makes it ask that queue for its line once, and it publishes the line
 * ({@link LiveChange.QueueBoardChanged}) and every waiting request whose position or ETA differs from
 * what it last published ({@link LiveChange.PositionChanged}); an agent's event makes it ask that
 * agent for its state and publish its card ({@link LiveChange.AgentBoardChanged}).
 *
 * <p>Changes of one queue (or agent) that arrive while its ask is in flight are merged into one more
 * ask when it returns: at most one ask per queue and per agent is in flight, so a burst costs two asks,
 * and what is published is always the entity's latest state, in order. It listens to the hub only while
 * it has subscribers, so an engine nobody watches pays nothing. Subscribers run on the thread that
 * received the answer: they must be quick and must not block.
 */
public final class LiveUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

    private final Function<Consumer<? super EngineChange>, AutoCloseable> hub;
    private final CopyOnWriteArrayList<Consumer<? super LiveChange>> listeners = new CopyOnWriteArrayList<>();
    private final Refresher<String, LineView> lines;
    private final Refresher<String, AgentState> agents;
    /** Per queue: request id → {position, eta} last published. Touched only by that queue's refresh. */
    private final Map<String, Map<Long, long[]>> published = new ConcurrentHashMap<>();

    private AutoCloseable hubHandle;

    /**
     * @param hub subscribes to the engine's recorded changes ({@code FilaEngine::subscribe})
     * @param line asks a queue for its line ({@code FilaEngine::line})
     * @param agent asks an agent for its state ({@code FilaEngine::agentState})
     */
    public LiveUpdates(
            Function<Consumer<? super EngineChange>, AutoCloseable> hub,
            Function<String, CompletionStage<LineView>> line,
            Function<String, CompletionStage<AgentState>> agent) {
        this.hub = hub;
        this.lines = new Refresher<>(line, this::publishLine);
        this.agents = new Refresher<>(
                agent, (agentId, state) -> publish(new LiveChange.AgentBoardChanged(AgentCard.of(state))));
    }

    /** Adds a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<? super LiveChange> listener) {
        synchronized (this) {
            listeners.add(listener);
            if (hubHandle == null) {
                hubHandle = hub.apply(this::onChange);
            }
        }
        return () -> unsubscribe(listener);
    }

    private synchronized void unsubscribe(Consumer<? super LiveChange> listener) throws Exception {
        listeners.remove(listener);
        if (listeners.isEmpty() && hubHandle != null) {
            hubHandle.close();
            hubHandle = null;
            published.clear();
        }
    }

    private void onChange(EngineChange change) {
        switch (change) {
            case EngineChange.QueueChanged queue -> lines.refresh(queue.queueId());
            case EngineChange.Notified notified -> {
                switch (notified.notification()) {
                    case Notification.LineChanged changed -> lines.refresh(changed.queueId());
                }
            }
            case EngineChange.AgentChanged agent -> agents.refresh(agent.agentId());
            case EngineChange.RequestChanged request -> {
                // A request's own change reaches its queue, whose line change is published.
            }
        }
    }

    private void publishLine(String queueId, LineView line) {
        Map<Long, long[]> last = published.computeIfAbsent(queueId, id -> new HashMap<>());
        Set<Long> gone = new HashSet<>(last.keySet());
        for (LineView.Place place : line.places()) {
            gone.remove(place.requestId());
            long[] before = last.get(place.requestId());
            if (before == null || before[0] != place.position() || before[1] != place.etaMillis()) {
                last.put(place.requestId(), new long[] {place.position(), place.etaMillis()});
                publish(new LiveChange.PositionChanged(
                        queueId, place.requestId(), place.position(), place.etaMillis(), line.asOfMillis()));
            }
        }
        for (Long requestId : gone) {
            last.remove(requestId);
            publish(new LiveChange.PositionChanged(queueId, requestId, 0, 0, line.asOfMillis()));
        }
        publish(new LiveChange.QueueBoardChanged(line));
    }

    private void publish(LiveChange change) {
        for (Consumer<? super LiveChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a live-update listener failed on {}", change, e);
            }
        }
    }

    /** At most one ask per key in flight; changes meanwhile merge into one more ask. */
    private static final class Refresher<K, V> {

        private final Function<K, CompletionStage<V>> fetch;
        private final BiConsumer<K, V> deliver;
        private final Map<K, Slot> slots = new ConcurrentHashMap<>();

        private static final class Slot {
            boolean running;
            boolean pending;
        }

        Refresher(Function<K, CompletionStage<V>> fetch, BiConsumer<K, V> deliver) {
            this.fetch = fetch;
            this.deliver = deliver;
        }

        void refresh(K key) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            synchronized (slot) {
                if (slot.running) {
                    slot.pending = true;
                    return;
                }
                slot.running = true;
            }
            run(key, slot);
        }

        private void run(K key, Slot slot) {
            fetch.apply(key).whenComplete((value, failure) -> {
                if (failure != null) {
                    LOG.debug("live update of {} failed: {}", key, failure.toString());
                } else {
                    synchronized (slot) {
                        deliver.accept(key, value);
                    }
                }
                boolean again;
                synchronized (slot) {
                    again = slot.pending;
                    slot.pending = false;
                    slot.running = again;
                }
                if (again) {
                    run(key, slot);
                }
            });
        }
    }
}
