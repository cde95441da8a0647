package dev.fila.engine.actors.projections;

import dev.fila.engine.actors.LineView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue board's stored form: a line's places in order, {@value #PLACES_PER_CHUNK} to a chunk, each
 * place as its request id, ETA and two flags (17 bytes); a place's position is its index in the line,
 * so it is not stored. Version byte first, so the layout can change without a migration of old rows
 * (an old chunk is read by its version's layout).
 */
final class QueueBoardCodec {

    static final int PLACES_PER_CHUNK = 2048;

    private static final byte VERSION = 1;
    private static final int PLACE_BYTES = Long.BYTES + Long.BYTES + 1;
    private static final int AVAILABLE = 1;
    private static final int OFFERED = 2;

    private QueueBoardCodec() {}

    static List<byte[]> encode(List<LineView.Place> places) {
        List<byte[]> chunks = new ArrayList<>((places.size() + PLACES_PER_CHUNK - 1) / PLACES_PER_CHUNK);
        for (int from = 0; from < places.size(); from += PLACES_PER_CHUNK) {
            int to = Math.min(places.size(), from + PLACES_PER_CHUNK);
            ByteBuffer chunk = ByteBuffer.allocate(1 + Integer.BYTES + (to - from) * PLACE_BYTES);
            chunk.put(VERSION).putInt(to - from);
            for (int i = from; i < to; i++) {
                LineView.Place place = places.get(i);
                chunk.putLong(place.requestId()).putLong(place.etaMillis());
                chunk.put((byte) ((place.available() ? AVAILABLE : 0) | (place.offered() ? OFFERED : 0)));
            }
            chunks.add(chunk.array());
        }
        return chunks;
    }

    /** Appends the places of {@code chunk} to {@code places}, numbering them on from its size. */
    static void decode(byte[] chunk, List<LineView.Place> places) {
        ByteBuffer in = ByteBuffer.wrap(chunk);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown queue board chunk version " + version);
        }
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
            long requestId = in.getLong();
            long etaMillis = in.getLong();
            int flags = in.get();
            places.add(new LineView.Place(
                    requestId, places.size() + 1, etaMillis, (flags & AVAILABLE) != 0, (flags & OFFERED) != 0));
        }
    }
}
