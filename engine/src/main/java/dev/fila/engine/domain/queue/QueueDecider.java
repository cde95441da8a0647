package dev.fila.engine.domain.queue;

import dev.fila.engine.domain.Decider;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.request.RequestCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue aggregate: it owns the waiting line (R8, R9, R11, R19) and offers eligible requests to
 * agents with room (R10). It only <em>offers</em>: the agent is the authority on its capacity and may
 * decline (R2), so two queues offering at once never overbook an agent.
 *
 * <p>Routing runs in the decision that makes a pairing possible, over the line and agent views as that
 * decision's own first event leaves them ({@link RoutingPass}): a request entering the line ({@link
 * QueueCommand.Enqueue}) or an agent reporting room ({@link QueueCommand.AgentCapacity}) — the two that
 * happen on every call — record their event and the offers together, with no message in between. The
 * rarer changes (a penalty, a customer back from a step away, an offer returned or declined) still ask
 * for a {@link QueueCommand.Route} the queue sends itself, which sees the line as evolved. Chat offers
 * go, among the agents
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
            case QueueCommand.Enqueue enqueue -> enqueue(state, enqueue, nowMillis);
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
            case QueueCommand.AgentCapacity capacity -> agentCapacity(state, capacity, nowMillis);
            case QueueCommand.OfferDeclined declined -> {
                Decision<QueueEvent, QueueRejection> refusal = validCapacity(declined.capacity());
                if (refusal != null) {
                    yield refusal;
                }
                List<QueueEvent> events = new ArrayList<>(2);
                if (line.contains(declined.requestId()) && line.isOffered(declined.requestId())) {
                    events.add(new QueueEvent.OfferWithdrawn(declined.requestId()));
                }
                events.add(viewChanged(declined.capacity()));
                yield Decision.accept(events, List.of(route));
            }
            case QueueCommand.Route ignored -> route(RoutingPass.over(state), nowMillis, null, null);
        };
    }

    private Decision<QueueEvent, QueueRejection> enqueue(
            QueueState state, QueueCommand.Enqueue enqueue, long nowMillis) {
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
        int position = line.positionFor(priorityClass, sortTime);
        Effect changed = lineChanged(position);
        if (!state.someAgentCanTake(exclusive)) {
            return Decision.accept(event, changed);
        }
        // R10: route now, over the line with the new request in it.
        return route(
                RoutingPass.afterEnqueue(state, enqueue.requestId(), position, exclusive), nowMillis, event, changed);
    }

    /** The refusal of an impossible capacity report, or null when it is possible. */
    private static Decision<QueueEvent, QueueRejection> validCapacity(QueueCommand.AgentCapacity capacity) {
        if (capacity.freeChatSlots() < 0
                || capacity.handledMillis() < 0
                || capacity.skillLevel() < 1
                || capacity.agentId().isBlank()) {
            return Decision.reject(
                    new QueueRejection(QueueRejection.Code.INVALID_COMMAND, "impossible agent capacity " + capacity));
        }
        return null;
    }

    private Decision<QueueEvent, QueueRejection> agentCapacity(
            QueueState state, QueueCommand.AgentCapacity capacity, long nowMillis) {
        Decision<QueueEvent, QueueRejection> refusal = validCapacity(capacity);
        if (refusal != null) {
            return refusal;
        }
        boolean mayRoute = capacity.online()
                && ((capacity.freeChatSlots() > 0 && state.line().eligibleCount(false) > 0)
                        || (capacity.idle() && state.line().eligibleCount(true) > 0));
        AgentView view = new AgentView(
                capacity.agentId(),
                capacity.skillLevel(),
                capacity.freeChatSlots(),
                capacity.idle(),
                capacity.online(),
                capacity.sinceMillis());
        // A report that repeats the view the queue holds, with no handle time (an agent's report after
        // every recovery): its event would change nothing, so none is recorded; routing runs as it would
        // have (R10), so the offers are the same.
        QueueEvent event = capacity.handledMillis() == 0 && view.equals(state.agent(capacity.agentId()))
                ? null
                : viewChanged(capacity);
        if (!mayRoute) {
            return event == null ? Decision.nothing() : Decision.accept(event);
        }
        // R10: route now, with the agent's new view in place of its old one.
        return route(RoutingPass.afterAgentView(state, view), nowMillis, event, null);
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
     * Pairs eligible requests with agents, in line order, until no eligible request fits any agent. Reads
     * only: {@code pass} sees the state as {@code first} (the decision's own event, or null) leaves it,
     * and tracks the capacity each offer uses. The decision records {@code first} then the offers, and
     * carries out {@code firstEffect} (or null) then the offers' sends.
     */
    private Decision<QueueEvent, QueueRejection> route(
            RoutingPass pass, long nowMillis, QueueEvent first, Effect firstEffect) {
        QueueEvent offered0 = null;
        Effect offer0 = null;
        List<QueueEvent> events = null;
        List<Effect> effects = null;
        int takenChat = 0;
        int takenExclusive = 0;
        while (true) {
            int chatPosition = pass.positionOfNthEligible(false, takenChat);
            int exclusivePosition = pass.positionOfNthEligible(true, takenExclusive);
            if (chatPosition == 0 && exclusivePosition == 0) {
                break;
            }
            boolean exclusiveFirst = chatPosition == 0 || (exclusivePosition != 0 && exclusivePosition < chatPosition);
            AgentView agent = pass.pick(exclusiveFirst);
            boolean exclusive = exclusiveFirst;
            if (agent == null) {
                boolean otherWaiting = exclusiveFirst ? chatPosition != 0 : exclusivePosition != 0;
                if (!otherWaiting) {
                    break;
                }
                exclusive = !exclusiveFirst;
                agent = pass.pick(exclusive);
                if (agent == null) {
                    break;
                }
            }
            long requestId =
                    exclusive ? pass.nthEligible(true, takenExclusive++) : pass.nthEligible(false, takenChat++);
            QueueEvent offered = new QueueEvent.Offered(requestId, agent.agentId(), exclusive, nowMillis);
            Effect offer = new Effect.ToAgent(
                    agent.agentId(), new AgentCommand.Offer(requestId, settings.queueId(), exclusive));
            pass.offered(agent, exclusive, nowMillis);
            if (offered0 == null) {
                offered0 = offered;
                offer0 = offer;
                continue;
            }
            if (events == null) {
                events = new ArrayList<>(4);
                effects = new ArrayList<>(4);
                if (first != null) {
                    events.add(first);
                }
                if (firstEffect != null) {
                    effects.add(firstEffect);
                }
                events.add(offered0);
                effects.add(offer0);
            }
            events.add(offered);
            effects.add(offer);
        }
        if (events != null) {
            return Decision.accept(events, effects);
        }
        if (offered0 == null) {
            if (first == null) {
                return Decision.nothing();
            }
            return firstEffect == null ? Decision.accept(first) : Decision.accept(first, firstEffect);
        }
        if (first == null) {
            return Decision.accept(offered0, offer0);
        }
        return firstEffect == null
                ? Decision.acceptTwo(first, offered0, offer0, null)
                : Decision.acceptTwo(first, offered0, firstEffect, offer0);
    }

    /**
     * What a recovered queue sends again. Sends between aggregates are at-most-once: a runtime that
     * stops between this queue persisting an {@code Offered} and the agent persisting its slot (or the
     * request its invitation) loses the offer, and the place would stay marked offered for good — never
     * offered again, never invited (R10). So the queue asks each request its line holds as offered, in
     * line order, whether the offer reached an agent ({@link RequestCommand.ConfirmOffer}); a request
     * still waiting gives the offer back ({@link QueueCommand.OfferReturned}) and routing offers it
     * again.
     *
     * <p>Why ask the request rather than offer again: the request is the single authority on its
     * invitation, and the queue does not keep whom it offered each place to. A repeated {@code Offer}
     * to an agent that already holds the request is declined (the agent cannot tell it from a stale
     * offer), which would withdraw the offer of an invitation in progress; returning every offer to the
     * line on recovery would do the same to every pending invitation. Asking reserves nothing and
     * records nothing, so resending never books an agent twice nor invites a customer twice (R2, R11);
     * a runtime may call it after every recovery.
     *
     * <p>Every other request in the line is told it is waiting ({@link RequestCommand.ConfirmQueued}):
     * the runtime does not keep requests running across a restart, so this is what brings each waiting
     * request back (its timers re-armed, R11, R14) and lets one that left while the queue's {@code Remove}
     * was lost say so. O(n) over the line; nothing for an empty line.
     */
    public List<Effect> resendOnRecovery(QueueState state) {
        if (state.line().size() == 0) {
            return List.of();
        }
        String queueId = settings.queueId();
        List<Effect> effects = new ArrayList<>(state.line().size());
        state.line().forEach((requestId, priorityClass, sortTimeMillis, exclusive, available, offered) -> {
            RequestCommand ask = offered
                    ? new RequestCommand.ConfirmOffer(requestId, queueId)
                    : new RequestCommand.ConfirmQueued(requestId, queueId);
            effects.add(new Effect.ToRequest(requestId, ask));
        });
        return List.copyOf(effects);
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
