package dev.fila.simulation.kernel;

import static dev.fila.simulation.kernel.World.MONDAY_10;
import static dev.fila.simulation.kernel.World.ZONE;
import static dev.fila.simulation.kernel.World.minutes;
import static dev.fila.simulation.kernel.World.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.TimerKind;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Releasing finished requests ({@link Kernel#release}): the kernel forgets them, never opens them again,
 * counts the commands that still reach them, and runs exactly as it would have had it kept them.
 */
class KernelReleaseTest {

    private static final String Q = "support";
    private static final QueueSettings SUPPORT = QueueSettings.defaults(Q, ZONE);
    private static final long T = MONDAY_10;

    @Test
    void R13_aReleasedRequestIsForgottenAndALateCommandIsCountedRefusedAndNeverReopensIt() {
        World w = World.of(SUPPORT);
        w.agent("ana", Map.of(Q, 1), 1);
        w.open(1, Q, Channel.CHAT, T);
        w.open(2, Q, Channel.CHAT, T + seconds(1));
        w.tell(T + seconds(30), 2, new RequestCommand.Leave());
        w.runUntil(T + seconds(30));
        assertThat(w.status(2)).isEqualTo(RequestStatus.LEFT);
        int rejectionsBefore = w.rejections.size();

        w.kernel.release(2);

        assertThat(w.kernel.request(2)).isNull();
        assertThat(w.kernel.isReleased(2)).isTrue();
        assertThat(w.kernel.isReleased(1)).isFalse();
        assertThat(w.kernel.requestsReleased()).isEqualTo(1);
        assertThat(w.kernel.timerDeadline(2, TimerKind.EXPIRY)).isEqualTo(Long.MIN_VALUE);

        // A customer's late answer and a second opening with the same id: refused as the decider refuses
        // them on a request that left, counted, and the request is not opened again.
        w.tell(T + seconds(40), 2, new RequestCommand.Accept(VisitorInfo.unknown()));
        w.open(2, Q, Channel.CHAT, T + seconds(41));
        w.runUntil(T + minutes(1));
        assertThat(w.kernel.commandsToReleased()).isEqualTo(2);
        assertThat(w.kernel.request(2)).isNull();
        assertThat(w.rejections.subList(rejectionsBefore, w.rejections.size()))
                .extracting(r -> ((RequestRejection) r.rejection()).code())
                .containsExactly(RequestRejection.Code.WRONG_STATE, RequestRejection.Code.ALREADY_OPEN);
        assertThat(((RequestRejection) w.rejections.get(rejectionsBefore).rejection()).message())
                .contains("request is left");
        assertThat(w.count(2, RequestEvent.Opened.class)).isEqualTo(1);

        // Its slot is reused by the next request; the one still in flight is untouched.
        w.open(3, Q, Channel.CHAT, T + minutes(2));
        w.runUntil(T + minutes(2));
        assertThat(w.status(3)).isEqualTo(RequestStatus.WAITING);
        assertThat(w.status(1)).isEqualTo(RequestStatus.INVITED);
        assertThat(w.kernel.requestCount()).isEqualTo(3);
        List<Long> held = new ArrayList<>();
        w.kernel.forEachRequest(s -> held.add(s.requestId()));
        assertThat(held).containsExactlyInAnyOrder(1L, 3L);
        assertThat(w.invariants.violations).isEmpty();
    }

    @Test
    void R10_R11_anInvitationOnItsWayWhenTheCustomerLeftStillFreesTheAgentAfterTheRelease() {
        Run kept = race(false);
        Run released = race(true);

        // The customer left while the offer travelled; the late Invite found a released request, was
        // decided as for one that left, and gave the agent's slot back: the next customer was served.
        assertThat(released.commandsToReleased).isEqualTo(1);
        assertThat(kept.commandsToReleased).isZero();
        assertThat(released.secondServedBy).isEqualTo("ana");
        assertThat(released)
                .usingRecursiveComparison()
                .ignoringFields("commandsToReleased")
                .isEqualTo(kept);
    }

    private record Run(
            List<String> events,
            String secondServedBy,
            int agentHolds,
            long eventsProcessed,
            long internalRejections,
            long externalRejections,
            long staleTimers,
            long commandsToReleased) {}

    private static Run race(boolean release) {
        World w = World.of(SUPPORT).autopilot(seconds(5), minutes(1));
        w.releaseFinished = release;
        w.leaveWhenReserved.add(1L);
        w.agent("ana", Map.of(Q, 1), 1);
        w.open(1, Q, Channel.CHAT, T + seconds(1));
        w.open(2, Q, Channel.CHAT, T + seconds(2));
        w.runUntil(T + minutes(10));
        List<String> events = new ArrayList<>();
        for (long id = 1; id <= 2; id++) {
            for (RequestEvent e : w.eventsOf(id)) {
                events.add(id + ":" + e.getClass().getSimpleName());
            }
        }
        String servedBy = w.eventsOf(2).stream()
                .filter(RequestEvent.Accepted.class::isInstance)
                .map(e -> ((RequestEvent.Accepted) e).agentId())
                .findFirst()
                .orElse("");
        assertThat(w.invariants.violations).isEmpty();
        return new Run(
                events,
                servedBy,
                w.kernel.agent("ana").held().size(),
                w.kernel.eventsProcessed(),
                w.kernel.internalRejections(),
                w.kernel.externalRejections(),
                w.kernel.staleTimers(),
                w.kernel.commandsToReleased());
    }

    @Test
    void onlyAFinishedRequestCanBeReleasedAndOnlyOnce() {
        World w = World.of(SUPPORT);
        w.open(1, Q, Channel.CHAT, T);
        w.runUntil(T);
        assertThatThrownBy(() -> w.kernel.release(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waiting");
        assertThatThrownBy(() -> w.kernel.release(99)).isInstanceOf(IllegalArgumentException.class);

        w.tell(T + seconds(1), 1, new RequestCommand.Leave());
        w.runUntil(T + seconds(1));
        w.kernel.release(1);
        assertThatThrownBy(() -> w.kernel.release(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already released");
    }

    @Test
    void R16_aCommandThatWouldChangeAReleasedRequestIsTheCallersErrorNotASilentReopening() {
        World w = World.of(SUPPORT).autopilot(seconds(5), -1);
        w.agent("ana", Map.of(Q, 1), 1);
        w.open(1, Q, Channel.CHAT, T);
        w.tell(T + minutes(1), 1, new RequestCommand.Close());
        w.runUntil(T + minutes(1));
        assertThat(w.status(1)).isEqualTo(RequestStatus.CLOSED);
        w.kernel.release(1);

        // The survey would change the closed request (R16): releasing it before was a mistake.
        w.tell(T + minutes(2), 1, new RequestCommand.AnswerSurvey(4, ""));
        assertThatThrownBy(() -> w.runUntil(T + minutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released request 1");
        assertThat(w.kernel.request(1)).isNull();
    }
}
