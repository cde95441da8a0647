package dev.fila.engine.domain;

import static dev.fila.engine.domain.Fixtures.AGENT;
import static dev.fila.engine.domain.Fixtures.MONDAY_10;
import static dev.fila.engine.domain.Fixtures.QUEUE;
import static dev.fila.engine.domain.Fixtures.REQUEST;
import static dev.fila.engine.domain.Fixtures.SETTINGS;
import static dev.fila.engine.domain.Fixtures.at;
import static dev.fila.engine.domain.Fixtures.minutes;
import static dev.fila.engine.domain.Fixtures.opened;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentRejection;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Held;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The agent ↔ request repair after a lost send, both deciders together: a recovered agent's {@code
 * resendOnRecovery} is delivered to the request, the request's answers back to the agent. For every
 * way a request can stand and every way the agent can hold its slot, the agent ends holding the
 * request exactly when the request says it is invited by or in service with that agent (R2, R3, R11,
 * R12), nothing is recorded on the request, and a second round changes nothing.
 */
class HoldRepairTest {

    private static final long T = MONDAY_10;
    private static final long UNTIL = at(2026, 11, 23, 18, 0);
    private static final long RECOVERED_AT = T + minutes(30);

    private final AgentDecider agents = new AgentDecider();
    private final RequestDecider requests = new RequestDecider(Map.of(QUEUE, SETTINGS));

    /** Every way the request can stand when the agent recovers, by name. */
    private static Map<String, List<RequestEvent>> requestHistories() {
        RequestEvent opened = opened(Channel.CHAT, T, UNTIL);
        RequestEvent invitedByAna = new RequestEvent.Invited(AGENT, T + minutes(6), T + minutes(1));
        RequestEvent invitedByBob = new RequestEvent.Invited("bob", T + minutes(6), T + minutes(1));
        RequestEvent acceptedAna = new RequestEvent.Accepted(AGENT, VisitorInfo.unknown(), minutes(2), T + minutes(2));
        RequestEvent acceptedBob = new RequestEvent.Accepted("bob", VisitorInfo.unknown(), minutes(2), T + minutes(2));
        RequestEvent closed = new RequestEvent.Closed(T + minutes(10));
        Map<String, List<RequestEvent>> histories = new LinkedHashMap<>();
        histories.put("never opened", List.of());
        histories.put("waiting, invitation lost", List.of(opened));
        histories.put("invited by ana", List.of(opened, invitedByAna));
        histories.put("invited by bob", List.of(opened, invitedByBob));
        histories.put(
                "invitation ran out",
                List.of(opened, invitedByAna, new RequestEvent.InvitationExpired(AGENT, 5, T + minutes(6))));
        histories.put(
                "invitation refused",
                List.of(opened, new RequestEvent.InvitationRefused(AGENT, "offline", T + minutes(1))));
        histories.put("in service with ana", List.of(opened, invitedByAna, acceptedAna));
        histories.put("in service with bob", List.of(opened, invitedByBob, acceptedBob));
        histories.put("closed by ana", List.of(opened, invitedByAna, acceptedAna, closed));
        histories.put(
                "surveyed",
                List.of(
                        opened,
                        invitedByAna,
                        acceptedAna,
                        closed,
                        new RequestEvent.SurveyAnswered(4, "", T + minutes(11))));
        histories.put("left", List.of(opened, invitedByAna, new RequestEvent.Left(T + minutes(2))));
        histories.put("expired", List.of(opened, invitedByAna, new RequestEvent.Expired(T + minutes(2))));
        histories.put("rejected", List.of(opened, new RequestEvent.Rejected("no contract", T + minutes(2))));
        return histories;
    }

    /** The agent holding the request as a pending invitation, or as an interaction in service. */
    private static List<AgentEvent> agentHistory(boolean active) {
        List<AgentEvent> history = new ArrayList<>(List.of(
                new AgentEvent.Registered(AGENT, "Ana", Map.of(QUEUE, 1), 4, Set.of(Role.AGENT)),
                new AgentEvent.PresenceChanged(Presence.ONLINE, "", T),
                new AgentEvent.SlotReserved(REQUEST, QUEUE, false, T + minutes(1))));
        if (active) {
            history.add(new AgentEvent.InteractionStarted(REQUEST, T + minutes(2)));
        }
        return history;
    }

    @Test
    void R2_R3_R11_R12_afterOneRoundTheAgentHoldsTheRequestExactlyWhenTheRequestSaysSoAndASecondRoundChangesNothing() {
        for (Map.Entry<String, List<RequestEvent>> history : requestHistories().entrySet()) {
            RequestState request = requests.evolveAll(requests.initialState(), history.getValue());
            boolean heldByAna = heldByAna(request);
            for (boolean active : List.of(false, true)) {
                String what = history.getKey() + (active ? ", agent holds it in service" : ", agent holds it reserved");
                AgentState agent = agents.evolveAll(agents.initialState(), agentHistory(active));

                Round first = round(agent, request);
                assertThat(first.agent().holds(REQUEST)).as(what).isEqualTo(heldByAna);
                if (request.status() == RequestStatus.IN_SERVICE && heldByAna) {
                    Held held = first.agent().find(REQUEST);
                    assertThat(held.reserved())
                            .as(what + ": R12 the interaction started")
                            .isFalse();
                }
                assertThat(first.agent().held()).as(what).hasSizeLessThanOrEqualTo(1);
                // The queue hears of the request again only when it waits for an answer that was lost.
                assertThat(first.toQueue()).as(what).allSatisfy(command -> assertThat(command)
                        .isEqualTo(new QueueCommand.OfferReturned(REQUEST)));
                if (!first.toQueue().isEmpty()) {
                    assertThat(request.status()).as(what).isEqualTo(RequestStatus.WAITING);
                }

                Round second = round(first.agent(), request);
                assertThat(second.agentEvents()).as(what + ": the second round").isEmpty();
                assertThat(second.agent()).as(what).isEqualTo(first.agent());
            }
        }
    }

    private static boolean heldByAna(RequestState request) {
        return switch (request.status()) {
            case INVITED -> request.invitation().agentId().equals(AGENT);
            case IN_SERVICE -> request.interaction().agentId().equals(AGENT);
            default -> false;
        };
    }

    private record Round(AgentState agent, List<AgentEvent> agentEvents, List<QueueCommand> toQueue) {}

    /**
     * One repair round: the recovered agent's sends delivered to the request, the request's answers to
     * the agent. The request records nothing; the agent's capacity reports are left out (a queue's view
     * is only a hint, R2).
     */
    private Round round(AgentState agent, RequestState request) {
        List<AgentEvent> agentEvents = new ArrayList<>();
        List<QueueCommand> toQueue = new ArrayList<>();
        AgentState after = agent;
        for (Effect effect : agents.resendOnRecovery(agent)) {
            if (!(effect instanceof Effect.ToRequest ask)) {
                assertThat(effect).isInstanceOf(Effect.ToQueue.class);
                continue;
            }
            assertThat(ask.requestId()).isEqualTo(REQUEST);
            Decision<RequestEvent, RequestRejection> answer = requests.decide(request, ask.command(), RECOVERED_AT);
            assertThat(answer).isInstanceOf(Decision.Accepted.class);
            Decision.Accepted<RequestEvent, RequestRejection> accepted =
                    (Decision.Accepted<RequestEvent, RequestRejection>) answer;
            assertThat(accepted.events())
                    .as("a confirmation records nothing on the request")
                    .isEmpty();
            for (Effect reply : accepted.effects()) {
                switch (reply) {
                    case Effect.ToAgent toAgent -> {
                        assertThat(toAgent.agentId()).isEqualTo(AGENT);
                        Decision<AgentEvent, AgentRejection> decision =
                                agents.decide(after, toAgent.command(), RECOVERED_AT);
                        assertThat(decision).isInstanceOf(Decision.Accepted.class);
                        List<AgentEvent> events = ((Decision.Accepted<AgentEvent, AgentRejection>) decision).events();
                        agentEvents.addAll(events);
                        after = agents.evolveAll(after, events);
                    }
                    case Effect.ToQueue q -> toQueue.add(q.command());
                    default -> throw new AssertionError("unexpected answer " + reply);
                }
            }
        }
        return new Round(after, agentEvents, toQueue);
    }
}
