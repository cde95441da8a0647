package dev.fila.simulation.kernel;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kernel for rule walks: queues, agents, customers opened by hand, and an optional autopilot that
 * accepts invitations, closes interactions and answers surveys after fixed delays. Records every
 * request event with its instant.
 */
final class World implements KernelListener {

    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    /** Monday 23 November 2026, 10:00 in São Paulo. */
    static final long MONDAY_10 = at(2026, 11, 23, 10, 0);

    final Kernel kernel;
    final List<KernelRejection> rejections = new ArrayList<>();
    final Map<Long, List<RequestEvent>> events = new HashMap<>();
    final InvariantObserver invariants = new InvariantObserver();

    long acceptDelayMillis = -1;
    long handleMillis = -1;
    final Set<Long> ignoreNextInvitation = new HashSet<>();
    /** Requests whose customer leaves at the instant an agent reserves a slot for them (the offer in flight). */
    final Set<Long> leaveWhenReserved = new HashSet<>();
    /** Whether a request is released from the kernel once it is finished for good (surveyed, left, rejected). */
    boolean releaseFinished;

    World(long startMillis, QueueSettings... queues) {
        Kernel.Builder builder = Kernel.builder(startMillis).listener(this).listener(invariants);
        for (QueueSettings q : queues) {
            builder.queue(q);
        }
        kernel = builder.build();
    }

    static World of(QueueSettings... queues) {
        return new World(MONDAY_10, queues);
    }

    static long at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(ZONE)
                .toInstant()
                .toEpochMilli();
    }

    static long seconds(long s) {
        return s * 1000;
    }

    static long minutes(long m) {
        return m * 60_000;
    }

    /** Accept every invitation after {@code acceptDelay}, close after {@code handle}, then answer the survey. */
    World autopilot(long acceptDelay, long handle) {
        this.acceptDelayMillis = acceptDelay;
        this.handleMillis = handle;
        return this;
    }

    World agent(String agentId, Map<String, Integer> skills, int maxChats) {
        long now = kernel.nowMillis();
        kernel.submitToAgent(
                now, agentId, new AgentCommand.Register(agentId, agentId, skills, maxChats, Set.of(Role.AGENT)));
        kernel.submitToAgent(now, agentId, new AgentCommand.LogIn());
        kernel.runUntil(now);
        return this;
    }

    void open(long requestId, String queueId, Channel channel, int priority, long atMillis, long availableUntil) {
        kernel.submit(atMillis, requestId, openCommand(requestId, queueId, channel, priority, availableUntil));
    }

    static RequestCommand.Open openCommand(
            long requestId, String queueId, Channel channel, int priority, long availableUntil) {
        return new RequestCommand.Open(
                requestId,
                "SIM-" + requestId,
                "customer-" + requestId,
                queueId,
                channel,
                priority,
                new RequestDetails("technical", "ERP", "billing", "invoices", "it breaks", false, availableUntil),
                CustomerStanding.inGoodStanding(),
                true);
    }

    void open(long requestId, String queueId, Channel channel, long atMillis) {
        open(requestId, queueId, channel, 0, atMillis, atMillis + minutes(600));
    }

    void tell(long atMillis, long requestId, RequestCommand command) {
        kernel.submit(atMillis, requestId, command);
    }

    void runUntil(long atMillis) {
        kernel.runUntil(atMillis);
    }

    RequestState request(long requestId) {
        return kernel.request(requestId);
    }

    RequestStatus status(long requestId) {
        return kernel.request(requestId).status();
    }

    int position(String queueId, long requestId) {
        return kernel.queue(queueId).positionOf(requestId);
    }

    List<RequestEvent> eventsOf(long requestId) {
        return events.getOrDefault(requestId, List.of());
    }

    long count(long requestId, Class<? extends RequestEvent> type) {
        return eventsOf(requestId).stream().filter(type::isInstance).count();
    }

    @Override
    public void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {
        events.computeIfAbsent(requestId, k -> new ArrayList<>()).add(event);
        switch (event) {
            case RequestEvent.Invited ignored -> {
                if (ignoreNextInvitation.remove(requestId)) {
                    return;
                }
                if (acceptDelayMillis >= 0) {
                    kernel.submit(
                            nowMillis + acceptDelayMillis, requestId, new RequestCommand.Accept(VisitorInfo.unknown()));
                }
            }
            case RequestEvent.Accepted ignored -> {
                if (handleMillis >= 0) {
                    kernel.submit(nowMillis + handleMillis, requestId, new RequestCommand.Close());
                }
            }
            case RequestEvent.Closed ignored -> {
                if (handleMillis >= 0) {
                    kernel.submit(nowMillis, requestId, new RequestCommand.AnswerSurvey(5, ""));
                }
            }
            case RequestEvent.SurveyAnswered ignored -> releaseIfAsked(requestId);
            case RequestEvent.Left ignored -> releaseIfAsked(requestId);
            case RequestEvent.Rejected ignored -> releaseIfAsked(requestId);
            case RequestEvent.InvitationRefused ignored -> releaseIfAsked(requestId);
            default -> {}
        }
    }

    private void releaseIfAsked(long requestId) {
        if (releaseFinished) {
            kernel.release(requestId);
        }
    }

    @Override
    public void onAgentEvent(long nowMillis, String agentId, AgentEvent event, AgentState state) {
        if (event instanceof AgentEvent.SlotReserved reserved && leaveWhenReserved.remove(reserved.requestId())) {
            kernel.submit(nowMillis, reserved.requestId(), new RequestCommand.Leave());
        }
    }

    @Override
    public void onRejected(long nowMillis, KernelRejection rejection) {
        rejections.add(rejection);
    }
}
