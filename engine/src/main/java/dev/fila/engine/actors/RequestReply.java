package dev.fila.engine.actors;

import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import java.util.List;

/** A request entity's answer: its recorded events, or its rejection (null when accepted). */
public record RequestReply(List<RequestEvent> events, RequestRejection rejection)
        implements Reply<RequestEvent, RequestRejection> {

    public RequestReply {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static RequestReply of(List<RequestEvent> events) {
        return new RequestReply(events, null);
    }

    static RequestReply rejected(RequestRejection rejection) {
        return new RequestReply(List.of(), rejection);
    }
}
