package dev.fila.engine.actors.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.engine.actors.LineView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueBoardCodecTest {

    private static List<LineView.Place> line(int size) {
        List<LineView.Place> places = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            places.add(new LineView.Place(1_000_000L + 7L * i, i + 1, 1000L * i, i % 3 != 0, i % 5 == 0));
        }
        return places;
    }

    @Test
    void R8_aLineLongerThanAChunkComesBackInOrderWithPositionsOneToN() {
        List<LineView.Place> places = line(2 * QueueBoardCodec.PLACES_PER_CHUNK + 17);
        List<byte[]> chunks = QueueBoardCodec.encode(places);
        assertThat(chunks).hasSize(3);
        List<LineView.Place> back = new ArrayList<>();
        chunks.forEach(chunk -> QueueBoardCodec.decode(chunk, back));
        assertThat(back).isEqualTo(places);
    }

    @Test
    void anEmptyLineIsNoChunkAtAll() {
        assertThat(QueueBoardCodec.encode(List.of())).isEmpty();
    }

    @Test
    void aChunkOfAnUnknownVersionIsRefusedNotMisread() {
        byte[] chunk = QueueBoardCodec.encode(line(3)).get(0);
        chunk[0] = 9;
        assertThatThrownBy(() -> QueueBoardCodec.decode(chunk, new ArrayList<>()))
                .hasMessageContaining("version 9");
    }
}
