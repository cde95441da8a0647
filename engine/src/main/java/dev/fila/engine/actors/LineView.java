package dev.fila.engine.actors;

import java.util.List;

/**
 * R8: a queue's waiting line as a customer portal or a board shows it: every request in line order
 * with its position and predicted remaining wait, as of {@code asOfMillis} by the engine's clock.
 */
public record LineView(String queueId, long asOfMillis, List<Place> places) implements CborSerializable {

    public LineView {
        places = List.copyOf(places);
    }

    /**
     * One request in the line.
     *
     * @param position 1-based
     * @param etaMillis Fila's predicted remaining wait (R8)
     * @param available R9: false while the customer stepped away (they keep their place)
     * @param offered R11: offered to an agent or invited, holding its place
     */
    public record Place(long requestId, int position, long etaMillis, boolean available, boolean offered) {}

    /** The 1-based position of a request, or 0 when it is not in the line. */
    public int positionOf(long requestId) {
        for (Place place : places) {
            if (place.requestId() == requestId) {
                return place.position();
            }
        }
        return 0;
    }
}
