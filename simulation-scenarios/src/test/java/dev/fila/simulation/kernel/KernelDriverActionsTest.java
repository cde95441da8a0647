package dev.fila.simulation.kernel;

import static dev.fila.simulation.kernel.World.MONDAY_10;
import static dev.fila.simulation.kernel.World.ZONE;
import static dev.fila.simulation.kernel.World.minutes;
import static dev.fila.simulation.kernel.World.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.RequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a driver's actions may do on the kernel: open a request in their own entry, and be cancelled. */
class KernelDriverActionsTest {

    private static final String Q = "support";
    private static final long T = MONDAY_10;

    private static World desk() {
        World w = World.of(QueueSettings.defaults(Q, ZONE)).autopilot(seconds(5), minutes(2));
        w.agent("ana", Map.of(Q, 1), 2);
        return w;
    }

    @Test
    void R6_R10_anArrivalThatOpensItsRequestInItsOwnEntryGivesTheSameLivesInOneEntryLessEach() {
        World submitted = desk();
        World delivered = desk();
        for (long id = 1; id <= 6; id++) {
            long at = T + seconds(20 * id);
            submitted.kernel.schedule(
                    at,
                    (k, now, requestId) -> k.submit(
                            now, requestId, World.openCommand(requestId, Q, Channel.CHAT, 0, now + minutes(600))),
                    id);
            delivered.kernel.schedule(
                    at,
                    (k, now, requestId) -> k.deliverNow(
                            requestId, World.openCommand(requestId, Q, Channel.CHAT, 0, now + minutes(600))),
                    id);
        }
        submitted.runUntil(T + minutes(30));
        delivered.runUntil(T + minutes(30));
        for (long id = 1; id <= 6; id++) {
            assertThat(delivered.status(id)).isEqualTo(RequestStatus.SURVEYED);
            assertThat(delivered.eventsOf(id)).isEqualTo(submitted.eventsOf(id));
        }
        assertThat(delivered.kernel.eventsProcessed()).isEqualTo(submitted.kernel.eventsProcessed() - 6);
    }

    @Test
    void deliverNowIsRefusedOutsideAnAction() {
        World w = desk();
        assertThatThrownBy(() -> w.kernel.deliverNow(1, World.openCommand(1, Q, Channel.CHAT, 0, T + minutes(600))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("action");
        assertThat(w.kernel.request(1)).isNull();
    }

    @Test
    void aCancelledActionNeverRunsAndCancellingOneThatRanIsHarmless() {
        World w = desk();
        List<Long> ran = new ArrayList<>();
        KernelAction note = (k, now, arg) -> ran.add(arg);
        long first = w.kernel.schedule(T + seconds(10), note, 1);
        long second = w.kernel.schedule(T + seconds(20), note, 2);
        long third = w.kernel.schedule(T + seconds(30), note, 3);
        assertThat(w.kernel.cancel(second)).isTrue();
        w.runUntil(T + seconds(15));
        assertThat(w.kernel.cancel(first)).as("it ran already").isFalse();
        w.runUntil(T + minutes(1));
        assertThat(ran).containsExactly(1L, 3L);
        assertThat(w.kernel.cancel(third)).isFalse();
    }
}
