package dev.fila.engine.domain;

import static dev.fila.engine.domain.Fixtures.MONDAY_10;
import static dev.fila.engine.domain.Fixtures.QUEUE;
import static dev.fila.engine.domain.Fixtures.REQUEST;
import static dev.fila.engine.domain.Fixtures.SETTINGS;
import static dev.fila.engine.domain.Fixtures.at;
import static dev.fila.engine.domain.Fixtures.minutes;
import static dev.fila.engine.domain.Fixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Held;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The queue's side of the repair of lost sends, the three deciders together: a small world delivers
 * every send in order, one send is lost as a kill -9 between two writes would lose it, the world
 * "restarts" (every state folded again from its events, nothing in flight) and delivers what each
 * recovered aggregate's {@code resendOnRecovery} names. Afterwards the request is invited (or served)
 * exactly once, by an agent that holds its slot, no agent holds more than its capacity (R2, R10, R11),
 * and a second recovery records nothing.
 */
class OfferRepairTest {

    private static final long T = MONDAY_10;
    private static final long UNTIL = at(2026, 11, 23, 18, 0);
    private static final long RECOVERED_AT = T + minutes(2);

    /** Ana is the most skilled, so routing offers her the request first; each takes one chat. */
    private static final Map<String, Integer> SKILLS = Map.of("ana", 2, "bob", 1);

    @Test
    void R10_R11_anOfferLostOnItsWayToTheAgentIsOfferedAgainAfterRecoveryAndTheRequestInvitedOnce() {
        World world = World.afterLosing(
                send -> send instanceof Effect.ToAgent to && to.command() instanceof AgentCommand.Offer);
        assertThat(world.request().status()).isEqualTo(RequestStatus.WAITING);
        assertThat(world.queue.line().isOffered(REQUEST)).isTrue();
        assertThat(world.agents.values()).allSatisfy(a -> assertThat(a.held()).isEmpty());

        world.recover(true);

        assertThat(world.request().status()).isEqualTo(RequestStatus.INVITED);
        assertRepaired(world);
    }

    @Test
    void R10_withoutTheQueuesRepairAnOfferLostOnItsWayToTheAgentLeavesTheRequestWaitingForGood() {
        World world = World.afterLosing(
                send -> send instanceof Effect.ToAgent to && to.command() instanceof AgentCommand.Offer);

        world.recover(false);

        // The agents and the request recovered and resent what they know; nobody knew of the offer.
        assertThat(world.request().status()).isEqualTo(RequestStatus.WAITING);
        assertThat(world.queue.line().isOffered(REQUEST)).isTrue();
    }

    @Test
    void R10_R11_anInvitationLostOnItsWayToTheRequestIsRepairedOnceThoughQueueAndAgentBothAsk() {
        World world = World.afterLosing(
                send -> send instanceof Effect.ToRequest to && to.command() instanceof RequestCommand.Invite);
        assertThat(world.agents.get("ana").holds(REQUEST)).isTrue();
        assertThat(world.request().status()).isEqualTo(RequestStatus.WAITING);

        world.recover(true);

        assertThat(world.request().status()).isEqualTo(RequestStatus.INVITED);
        assertRepaired(world);
    }

    @Test
    void R11_aPendingInvitationIsLeftAloneByTheQueuesRepair() {
        World world = World.afterLosing(send -> false);
        assertThat(world.request().status()).isEqualTo(RequestStatus.INVITED);
        int queueEvents = world.queueLog.size();

        world.recover(true);

        assertThat(world.request().status()).isEqualTo(RequestStatus.INVITED);
        assertThat(world.request().invitation().agentId()).isEqualTo("ana");
        assertThat(world.queueLog.subList(queueEvents, world.queueLog.size()))
                .as("only the agents' capacity reports are recorded")
                .allSatisfy(e -> assertThat(e).isInstanceOf(QueueEvent.AgentViewChanged.class));
        assertRepaired(world);
    }

    @Test
    void R2_R10_R11_aDuplicateOfferReturnedForAPendingInvitationDoesNotMakeQueueAndAgentLoop() {
        // Agents of four chats: after ana's reservation the queue still sees her as the best free agent.
        // A duplicate OfferReturned (a repair's answer arriving twice) withdraws the offer of her pending
        // invitation, and routing offers the request to her again. Before, she declined an offer for a
        // request she held, the decline withdrew it again, and routing offered it to her again: forever.
        World world =
                World.afterLosing(4, send -> false, new Effect.ToQueue(QUEUE, new QueueCommand.OfferReturned(REQUEST)));

        assertThat(world.request().status()).isEqualTo(RequestStatus.INVITED);
        assertThat(world.request().invitation().agentId()).isEqualTo("ana");
        assertThat(world.queue.line().isOffered(REQUEST))
                .as("the place is offered again")
                .isTrue();
        assertThat(world.agents.get("ana").held()).extracting(Held::requestId).containsExactly(REQUEST);
        assertThat(world.agents.get("bob").held()).isEmpty();
        assertThat(world.requestLog)
                .filteredOn(e -> e instanceof RequestEvent.Invited)
                .hasSize(1);
    }

    @Test
    void R12_anAcceptanceWhoseRemovalWasLostLeavesTheLineAfterRecovery() {
        World world = World.afterLosing(
                send -> send instanceof Effect.ToQueue to && to.command() instanceof QueueCommand.Remove,
                new Effect.ToRequest(REQUEST, new RequestCommand.Accept(VisitorInfo.unknown())));
        assertThat(world.request().status()).isEqualTo(RequestStatus.IN_SERVICE);
        assertThat(world.queue.line().isOffered(REQUEST)).isTrue();

        world.recover(true);

        assertThat(world.queue.line().contains(REQUEST)).isFalse();
        assertRepaired(world);
    }

    /**
     * R2, R10, R11, R12: the request was invited once in its whole history; exactly the agent it names
     * holds it; nobody beyond capacity; the queue marks it offered while the invitation is pending; a
     * second recovery records nothing.
     */
    private static void assertRepaired(World world) {
        RequestState request = world.request();
        assertThat(world.requestLog)
                .filteredOn(e -> e instanceof RequestEvent.Invited)
                .hasSize(1);
        String holder =
                switch (request.status()) {
                    case INVITED -> request.invitation().agentId();
                    case IN_SERVICE -> request.interaction().agentId();
                    default -> null;
                };
        world.agents.forEach((id, agent) -> {
            assertThat(agent.holds(REQUEST)).as(id + " holds the request").isEqualTo(id.equals(holder));
            assertThat(agent.held()).as(id + "'s capacity").hasSizeLessThanOrEqualTo(1);
        });
        if (request.status() == RequestStatus.INVITED) {
            assertThat(world.queue.line().isOffered(REQUEST)).isTrue();
        }

        int queueEvents = world.queueLog.size();
        int requestEvents = world.requestLog.size();
        Map<String, Integer> agentEvents = new LinkedHashMap<>();
        world.agentLogs.forEach((id, log) -> agentEvents.put(id, log.size()));
        world.recover(true);
        assertThat(world.requestLog).hasSize(requestEvents);
        world.agentLogs.forEach((id, log) -> assertThat(log).hasSize(agentEvents.get(id)));
        assertThat(world.queueLog.subList(queueEvents, world.queueLog.size()))
                .allSatisfy(e -> assertThat(e).isInstanceOf(QueueEvent.AgentViewChanged.class));
        assertThat(world.request().status()).isEqualTo(request.status());
    }

    /** One queue, two agents, one request; sends delivered first in, first out; timers never fire. */
    private static final class World {
        final QueueDecider queues = new QueueDecider(SETTINGS);
        final AgentDecider agentDecider = new AgentDecider();
        final RequestDecider requests = new RequestDecider(Map.of(QUEUE, SETTINGS));

        QueueState queue = queues.initialState();
        final List<QueueEvent> queueLog = new ArrayList<>();
        final Map<String, AgentState> agents = new LinkedHashMap<>();
        final Map<String, List<AgentEvent>> agentLogs = new LinkedHashMap<>();
        RequestState request = requests.initialState();
        final List<RequestEvent> requestLog = new ArrayList<>();
        final Deque<Effect> mail = new ArrayDeque<>();

        RequestState request() {
            return request;
        }

        /**
         * Agents online, the request opened and routed, then {@code after} delivered, with the first send
         * that {@code lost} matches dropped on the way.
         */
        static World afterLosing(Predicate<Effect> lost, Effect... after) {
            return afterLosing(1, lost, after);
        }

        /** As {@link #afterLosing(Predicate, Effect...)}, with agents taking {@code maxChats} chats (R2). */
        static World afterLosing(int maxChats, Predicate<Effect> lost, Effect... after) {
            World world = new World();
            Predicate<Effect> once = new Predicate<>() {
                boolean dropped;

                @Override
                public boolean test(Effect effect) {
                    if (!dropped && lost.test(effect)) {
                        dropped = true;
                        return true;
                    }
                    return false;
                }
            };
            SKILLS.forEach((id, level) -> {
                world.agents.put(id, world.agentDecider.initialState());
                world.agentLogs.put(id, new ArrayList<>());
                world.mail.add(new Effect.ToAgent(
                        id, new AgentCommand.Register(id, id, Map.of(QUEUE, level), maxChats, Set.of(Role.AGENT))));
                world.mail.add(new Effect.ToAgent(id, new AgentCommand.LogIn()));
            });
            world.run(T, once);
            world.mail.add(new Effect.ToRequest(REQUEST, open(Channel.CHAT, UNTIL)));
            world.run(T, once);
            world.mail.addAll(List.of(after));
            world.run(T + minutes(1), once);
            return world;
        }

        /**
         * A restart: nothing in flight, every state folded again from its events, then the sends every
         * recovered aggregate names ({@code resendOnRecovery}) delivered — the queue's only when {@code
         * queueRepairs}.
         */
        void recover(boolean queueRepairs) {
            mail.clear();
            queue = queues.evolveAll(queues.initialState(), queueLog);
            agentLogs.forEach((id, log) -> agents.put(id, agentDecider.evolveAll(agentDecider.initialState(), log)));
            request = requests.evolveAll(requests.initialState(), requestLog);
            if (queueRepairs) {
                mail.addAll(queues.resendOnRecovery(queue));
            }
            agents.values().forEach(agent -> mail.addAll(agentDecider.resendOnRecovery(agent)));
            mail.addAll(requests.resendOnRecovery(request));
            run(RECOVERED_AT, effect -> false);
        }

        void run(long nowMillis, Predicate<Effect> lost) {
            int delivered = 0;
            while (!mail.isEmpty()) {
                if (++delivered > 10_000) {
                    throw new AssertionError("the sends never stop: the aggregates loop (last: " + mail.peek() + ")");
                }
                Effect effect = mail.poll();
                if (lost.test(effect)) {
                    continue;
                }
                switch (effect) {
                    case Effect.ToQueue to -> {
                        assertThat(to.queueId()).isEqualTo(QUEUE);
                        if (queues.decide(queue, to.command(), nowMillis)
                                instanceof Decision.Accepted<QueueEvent, ?> a) {
                            a.events().forEach(e -> queue = queues.evolve(queue, e));
                            queueLog.addAll(a.events());
                            post(a.effects());
                        }
                    }
                    case Effect.ToAgent to -> {
                        AgentState agent = agents.get(to.agentId());
                        if (agentDecider.decide(agent, to.command(), nowMillis)
                                instanceof Decision.Accepted<AgentEvent, ?> a) {
                            agents.put(to.agentId(), agentDecider.evolveAll(agent, a.events()));
                            agentLogs.get(to.agentId()).addAll(a.events());
                            post(a.effects());
                        }
                    }
                    case Effect.ToRequest to -> {
                        assertThat(to.requestId()).isEqualTo(REQUEST);
                        if (requests.decide(request, to.command(), nowMillis)
                                instanceof Decision.Accepted<RequestEvent, ?> a) {
                            request = requests.evolveAll(request, a.events());
                            requestLog.addAll(a.events());
                            post(a.effects());
                        }
                    }
                    case Effect.StartTimer ignored -> {}
                    case Effect.CancelTimer ignored -> {}
                    case Effect.Notify ignored -> {}
                }
            }
        }

        private void post(List<Effect> effects) {
            effects.stream()
                    .filter(e ->
                            e instanceof Effect.ToQueue || e instanceof Effect.ToAgent || e instanceof Effect.ToRequest)
                    .forEach(mail::add);
        }
    }
}
