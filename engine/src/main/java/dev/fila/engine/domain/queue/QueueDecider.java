package dev.fila.engine.domain.queue;

import dev.fila.engine.domain.Decider;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue aggregate: it owns the waiting line (R8, R9, R11, R19) and offers eligible requests to
 * agents with room (R10). It only <em>offers</em>: the agent is the authority on its capacity and may
 * decline (R2), so two queues offering at once never overbook an agent.
 *
 * <p>Routing runs as a {@link QueueCommand.Route} the queue sends itself after anything that may have
 * made a pairing possible, so that it always sees the line as evolved. Chat offers go, among the agents
 * with a free chat slot, to the most skilled, then least loaded, then longest waiting; voice and video
 * offers to the most skilled idle agent, then the longest idle. Requests are taken in line order; a
 * request nobody can take now (voice with no idle agent) does not hold back the chats behind it.
 */
public final class QueueDecider implements Decider<QueueState, QueueCommand, QueueEvent, QueueRejection> {

    private final QueueSettings settings;
    private final Effect route;

    public QueueDecider(QueueSettings settings) {
        this.settings = settings;
        this.route = new Effect.ToQueue(settings.queueId(), new QueueCommand.Route());
    }

    public QueueSettings settings() {
        return settings;
    }

    @Override
    public QueueState initialState() {
        return QueueState.initial(settings);
    }

    @Override
    public Decision<QueueEvent, QueueRejection> decide(QueueState state, QueueCommand command, long nowMillis) {
        WaitingLine line = state.line();
        return switch (command) {
            case QueueCommand.Enqueue enqueue -> enqueue(state, enqueue);
            case QueueCommand.SetAvailability set -> {
                if (!line.contains(set.requestId()) || line.isAvailable(set.requestId()) == set.available()) {
                    yield Decision.nothing();
                }
                QueueEvent event = new QueueEvent.AvailabilityChanged(set.requestId(), set.available());
                boolean mayRoute = set.available() && state.someAgentCanTake(line.isExclusive(set.requestId()));
                yield mayRoute ? Decision.accept(event, route) : Decision.accept(event);
            }
            case QueueCommand.Remove remove -> {
                int position = line.positionOf(remove.requestId());
                if (position == 0) {
                    yield Decision.nothing();
                }
                yield Decision.accept(
                        new QueueEvent.Removed(remove.requestId(), remove.exit(), position, nowMillis),
                        lineChanged(position));
            }
            case QueueCommand.ApplyPenalty penalty -> {
                int from = line.positionOf(penalty.requestId());
                if (from == 0) {
                    yield Decision.nothing();
                }
                int to = Math.min(from + settings.penaltyPositions(), line.size());
                yield Decision.accept(
                        new QueueEvent.PenaltyApplied(penalty.requestId(), from, to, nowMillis),
                        lineChanged(from),
                        route);
            }
            case QueueCommand.OfferReturned returned -> {
                if (!line.contains(returned.requestId()) || !line.isOffered(returned.requestId())) {
                    yield Decision.nothing();
                }
                yield Decision.accept(new QueueEvent.OfferWithdrawn(returned.requestId()), route);
            }
            case QueueCommand.AgentCapacity capacity -> agentCapacity(state, capacity);
            case QueueCommand.OfferDeclined declined -> {
                Decision<QueueEvent, QueueRejection> view = agentCapacity(state, declined.capacity());
                if (view.isRejected()) {
                    yield view;
                }
                List<QueueEvent> events = new ArrayList<>(2);
                if (line.contains(declined.requestId()) && line.isOffered(declined.requestId())) {
                    events.add(new QueueEvent.OfferWithdrawn(declined.requestId()));
                }
                events.add(viewChanged(declined.capacity()));
                yield Decision.accept(events, List.of(route));
            }
            case QueueCommand.Route ignored -> route(state, nowMillis);
        };
    }

    private Decision<QueueEvent, QueueRejection> enqueue(QueueState state, QueueCommand.Enqueue enqueue) {
        WaitingLine line = state.line();
        if (line.contains(enqueue.requestId())) {
            return Decision.reject(new QueueRejection(
                    QueueRejection.Code.ALREADY_IN_LINE, "request " + enqueue.requestId() + " is already waiting"));
        }
        PriorityPolicy priority = settings.priority();
        int priorityClass = priority.classOf(enqueue.priority());
        long sortTime = enqueue.renewal()
                ? enqueue.enteredAtMillis()
                : enqueue.enteredAtMillis() - priority.creditMillis(enqueue.priority());
        boolean exclusive = enqueue.channel().isExclusive();
        QueueEvent event = new QueueEvent.Enqueued(
                enqueue.requestId(), exclusive, priorityClass, sortTime, enqueue.enteredAtMillis());
        Effect changed = lineChanged(line.positionFor(priorityClass, sortTime));
        return state.someAgentCanTake(exclusive)
                ? Decision.accept(event, changed, route)
                : Decision.accept(event, changed);
    }

    private Decision<QueueEvent, QueueRejection> agentCapacity(QueueState state, QueueCommand.AgentCapacity capacity) {
        if (capacity.freeChatSlots() < 0
                || capacity.handledMillis() < 0
                || capacity.skillLevel() < 1
                || capacity.agentId().isBlank()) {
            return Decision.reject(
                    new QueueRejection(QueueRejection.Code.INVALID_COMMAND, "impossible agent capacity " + capacity));
        }
        QueueEvent event = viewChanged(capacity);
        boolean mayRoute = capacity.online()
                && ((capacity.freeChatSlots() > 0 && state.line().eligibleCount(false) > 0)
                        || (capacity.idle() && state.line().eligibleCount(true) > 0));
        return mayRoute ? Decision.accept(event, route) : Decision.accept(event);
    }

    private static QueueEvent viewChanged(QueueCommand.AgentCapacity capacity) {
        return new QueueEvent.AgentViewChanged(
                capacity.agentId(),
                capacity.skillLevel(),
                capacity.freeChatSlots(),
                capacity.idle(),
                capacity.online(),
                capacity.sinceMillis(),
                capacity.handledMillis());
    }

    /**
     * Pairs eligible requests with agents, in line order, until no eligible request fits any agent.
     * Reads only: the capacity each offer uses is tracked in a small overlay of this pass.
     */
    private Decision<QueueEvent, QueueRejection> route(QueueState state, long nowMillis) {
        WaitingLine line = state.line();
        List<QueueEvent> events = null;
        List<Effect> effects = null;
        Map<String, AgentView> used = null;
        int takenChat = 0;
        int takenExclusive = 0;
        while (true) {
            int chatPosition = line.positionOfNthEligible(false, takenChat);
            int exclusivePosition = line.positionOfNthEligible(true, takenExclusive);
            if (chatPosition == 0 && exclusivePosition == 0) {
                break;
            }
            boolean exclusiveFirst = chatPosition == 0 || (exclusivePosition != 0 && exclusivePosition < chatPosition);
            AgentView agent = pick(state, exclusiveFirst, used);
            boolean exclusive = exclusiveFirst;
            if (agent == null) {
                boolean otherWaiting = exclusiveFirst ? chatPosition != 0 : exclusivePosition != 0;
                if (!otherWaiting) {
                    break;
                }
                exclusive = !exclusiveFirst;
                agent = pick(state, exclusive, used);
                if (agent == null) {
                    break;
                }
            }
            long requestId =
                    exclusive ? line.nthEligible(true, takenExclusive++) : line.nthEligible(false, takenChat++);
            if (events == null) {
                events = new ArrayList<>(2);
                effects = new ArrayList<>(2);
                used = new HashMap<>(4);
            }
            events.add(new QueueEvent.Offered(requestId, agent.agentId(), exclusive, nowMillis));
            effects.add(new Effect.ToAgent(
                    agent.agentId(), new AgentCommand.Offer(requestId, settings.queueId(), exclusive)));
            used.put(agent.agentId(), agent.afterOffer(exclusive, nowMillis));
        }
        return events == null ? Decision.nothing() : Decision.accept(events, effects);
    }

    private static AgentView pick(QueueState state, boolean exclusive, Map<String, AgentView> used) {
        for (AgentView candidate : exclusive ? state.idleCandidates() : state.chatCandidates()) {
            AgentView current = used == null ? candidate : used.getOrDefault(candidate.agentId(), candidate);
            if (current.canTake(exclusive)) {
                return current;
            }
        }
        return null;
    }

    private Effect lineChanged(int fromPosition) {
        return new Effect.Notify(new Notification.LineChanged(settings.queueId(), fromPosition));
    }

    @Override
    public QueueState evolve(QueueState state, QueueEvent event) {
        WaitingLine line = state.line();
        switch (event) {
            case QueueEvent.Enqueued e -> {
                state.beforeEnqueue(e.enteredAtMillis());
                int position = line.enqueue(e.requestId(), e.priorityClass(), e.sortTimeMillis(), e.exclusive());
                state.recordEntered(e.requestId(), e.enteredAtMillis(), position);
            }
            case QueueEvent.AvailabilityChanged e -> line.setAvailable(e.requestId(), e.available());
            case QueueEvent.Removed e -> {
                if (line.contains(e.requestId())) {
                    state.recordLeaving(e.requestId(), e.exit(), e.atMillis());
                    line.remove(e.requestId());
                }
            }
            case QueueEvent.PenaltyApplied e -> {
                state.recordOfferEnded(e.requestId());
                line.moveBack(e.requestId(), e.toPosition() - e.fromPosition());
                line.setOffered(e.requestId(), false);
                state.recordMovedBack(e.requestId(), e.toPosition() - e.fromPosition());
                state.recordPenalty();
            }
            case QueueEvent.Offered e -> {
                state.recordOffered(e.requestId(), e.atMillis());
                line.setOffered(e.requestId(), true);
                AgentView view = state.agent(e.agentId());
                if (view != null) {
                    state.putAgent(view.afterOffer(e.exclusive(), e.atMillis()));
                }
            }
            case QueueEvent.OfferWithdrawn e -> {
                state.recordOfferEnded(e.requestId());
                line.setOffered(e.requestId(), false);
            }
            case QueueEvent.AgentViewChanged e -> {
                state.putAgent(new AgentView(
                        e.agentId(), e.skillLevel(), e.freeChatSlots(), e.idle(), e.online(), e.sinceMillis()));
                if (e.handledMillis() > 0) {
                    state.recordHandled(e.handledMillis());
                }
            }
        }
        return state;
    }
}
