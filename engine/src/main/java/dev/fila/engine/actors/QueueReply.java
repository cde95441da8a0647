package dev.fila.engine.actors;

import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueRejection;
import java.util.List;

/** A queue entity's answer: its recorded events, or its rejection (null when accepted). */
public record QueueReply(List<QueueEvent> events, QueueRejection rejection)
        implements Reply<QueueEvent, QueueRejection> {

    public QueueReply {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static QueueReply of(List<QueueEvent> events) {
        return new QueueReply(events, null);
    }

    static QueueReply rejected(QueueRejection rejection) {
        return new QueueReply(List.of(), rejection);
    }
}
