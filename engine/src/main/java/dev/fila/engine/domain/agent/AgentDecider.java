package dev.fila.engine.domain.agent;

import dev.fila.engine.domain.Decider;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent aggregate: the single authority on its own capacity (R2, R3). Queues offer; the agent
 * reserves a slot and invites the customer, or declines and tells the queue its real capacity. Every
 * change of presence or capacity is reported to each queue it serves.
 */
public final class AgentDecider implements Decider<AgentState, AgentCommand, AgentEvent, AgentRejection> {

    @Override
    public AgentState initialState() {
        return AgentState.unregistered();
    }

    @Override
    public Decision<AgentEvent, AgentRejection> decide(AgentState state, AgentCommand command, long nowMillis) {
        if (!state.isRegistered() && !(command instanceof AgentCommand.Register)) {
            if (command instanceof AgentCommand.Offer offer) {
                // An offer to an agent that does not exist: give the request back to the queue.
                return Decision.only(new Effect.ToQueue(
                        offer.queueId(),
                        new QueueCommand.OfferDeclined(
                                offer.requestId(),
                                new QueueCommand.AgentCapacity("?", 1, 0, false, false, nowMillis))));
            }
            return Decision.reject(new AgentRejection(AgentRejection.Code.NOT_REGISTERED, "no such agent"));
        }
        return switch (command) {
            case AgentCommand.Register register -> register(state, register);
            case AgentCommand.LogIn ignored -> {
                boolean onlyAgent = state.roles().equals(Set.of(Role.AGENT));
                if (!onlyAgent || state.presence() == Presence.ONLINE) {
                    yield Decision.nothing();
                }
                yield presence(state, Presence.ONLINE, "", nowMillis);
            }
            case AgentCommand.LogOut ignored ->
                state.presence() == Presence.OFFLINE
                        ? Decision.nothing()
                        : presence(state, Presence.OFFLINE, "", nowMillis);
            case AgentCommand.SetPresence set -> {
                if (set.presence() == null) {
                    yield Decision.reject(new AgentRejection(
                            AgentRejection.Code.INVALID_FIELD, "presence is required", List.of("presence")));
                }
                String reason = set.reason() == null ? "" : set.reason().strip();
                if (set.presence() == Presence.PAUSED && reason.isEmpty()) {
                    yield Decision.reject(new AgentRejection(
                            AgentRejection.Code.REASON_REQUIRED, "a pause needs a reason", List.of("reason")));
                }
                if (set.presence() != Presence.PAUSED) {
                    reason = "";
                }
                if (set.presence() == state.presence() && reason.equals(state.pauseReason())) {
                    yield Decision.nothing();
                }
                yield presence(state, set.presence(), reason, nowMillis);
            }
            case AgentCommand.Offer offer -> {
                Integer level = state.skills().get(offer.queueId());
                if (level != null && state.holds(offer.requestId())) {
                    // An offer for a request this agent already holds (a repeated offer after a crash lost
                    // a send): the place is rightly marked offered, so it is not declined (a decline would
                    // withdraw the offer of a pending invitation, and the queue, offering it again to the
                    // same best agent, would loop). The agent tells the queue its real capacity instead,
                    // which the queue's view had counted one slot short (R2, R10, R11).
                    yield Decision.only(new Effect.ToQueue(offer.queueId(), capacity(state, offer.queueId())));
                }
                if (level == null || !state.canTake(offer.exclusive())) {
                    yield Decision.only(new Effect.ToQueue(
                            offer.queueId(),
                            new QueueCommand.OfferDeclined(offer.requestId(), capacity(state, offer.queueId()))));
                }
                yield Decision.accept(
                        new AgentEvent.SlotReserved(offer.requestId(), offer.queueId(), offer.exclusive(), nowMillis),
                        new Effect.ToRequest(offer.requestId(), new RequestCommand.Invite(state.agentId())));
            }
            case AgentCommand.InteractionStarted started -> {
                Held h = state.find(started.requestId());
                if (h == null || !h.reserved()) {
                    yield Decision.nothing();
                }
                yield Decision.accept(new AgentEvent.InteractionStarted(started.requestId(), nowMillis));
            }
            case AgentCommand.Release release -> {
                Held held = state.find(release.requestId());
                if (held == null) {
                    yield Decision.nothing();
                }
                AgentEvent event = new AgentEvent.SlotReleased(release.requestId(), nowMillis);
                // R8: a closed interaction (not a released invitation) tells its queue how long it lasted.
                long handledMillis = held.reserved() ? 0 : Math.max(1, nowMillis - held.sinceMillis());
                yield reported(event, evolve(state, event), held.queueId(), handledMillis);
            }
        };
    }

    private Decision<AgentEvent, AgentRejection> register(AgentState state, AgentCommand.Register register) {
        if (state.isRegistered()) {
            return Decision.reject(
                    new AgentRejection(AgentRejection.Code.ALREADY_REGISTERED, "agent " + state.agentId() + " exists"));
        }
        List<String> bad = new ArrayList<>();
        if (register.agentId() == null || register.agentId().isBlank()) {
            bad.add("agentId");
        }
        if (register.name() == null || register.name().isBlank()) {
            bad.add("name");
        }
        if (register.skills().isEmpty()
                || register.skills().entrySet().stream()
                        .anyMatch(e -> e.getKey().isBlank() || e.getValue() == null || e.getValue() < 1)) {
            bad.add("skills");
        }
        if (register.maxChats() < 1) {
            bad.add("maxChats");
        }
        if (register.roles().isEmpty()) {
            bad.add("roles");
        }
        if (!bad.isEmpty()) {
            return Decision.reject(new AgentRejection(
                    AgentRejection.Code.INVALID_FIELD, "invalid agent: " + String.join(", ", bad), bad));
        }
        return Decision.accept(new AgentEvent.Registered(
                register.agentId(), register.name(), register.skills(), register.maxChats(), register.roles()));
    }

    private Decision<AgentEvent, AgentRejection> presence(
            AgentState state, Presence presence, String reason, long nowMillis) {
        AgentEvent event = new AgentEvent.PresenceChanged(presence, reason, nowMillis);
        boolean wasOnline = state.presence() == Presence.ONLINE;
        boolean isOnline = presence == Presence.ONLINE;
        return wasOnline == isOnline ? Decision.accept(event) : reported(event, evolve(state, event), "", 0);
    }

    /** The capacity report for one queue. */
    static QueueCommand.AgentCapacity capacity(AgentState state, String queueId) {
        return capacity(state, queueId, 0);
    }

    private static QueueCommand.AgentCapacity capacity(AgentState state, String queueId, long handledMillis) {
        int level = state.skills().getOrDefault(queueId, 0);
        return new QueueCommand.AgentCapacity(
                state.agentId(),
                Math.max(1, level),
                state.freeChatSlots(),
                state.isIdle(),
                state.presence() == Presence.ONLINE && level > 0,
                state.sinceMillis(),
                handledMillis);
    }

    /**
     * The event with the capacity reports of the state after it; the report to {@code handledQueueId}
     * carries {@code handledMillis} (R8). An agent serving one queue (the common case) reports without
     * building any list.
     */
    private static Decision<AgentEvent, AgentRejection> reported(
            AgentEvent event, AgentState after, String handledQueueId, long handledMillis) {
        Map<String, Integer> skills = after.skills();
        if (skills.size() == 1) {
            String queueId = skills.keySet().iterator().next();
            long handled = queueId.equals(handledQueueId) ? handledMillis : 0;
            return Decision.accept(event, new Effect.ToQueue(queueId, capacity(after, queueId, handled)));
        }
        return Decision.accept(List.of(event), capacityReports(after, handledQueueId, handledMillis));
    }

    /**
     * Reports to every queue the agent serves, the most skilled queue first (then by queue id): a runtime
     * delivers in that order, so when several queues offer at once the best-matched one is served first.
     * The report to {@code handledQueueId} carries {@code handledMillis} (R8); the others carry 0.
     */
    private static List<Effect> capacityReports(AgentState state, String handledQueueId, long handledMillis) {
        List<Map.Entry<String, Integer>> ordered =
                new ArrayList<>(state.skills().entrySet());
        if (ordered.size() > 1) {
            ordered.sort(SKILL_ORDER);
        }
        List<Effect> effects = new ArrayList<>(ordered.size());
        for (Map.Entry<String, Integer> skill : ordered) {
            String queueId = skill.getKey();
            long handled = queueId.equals(handledQueueId) ? handledMillis : 0;
            effects.add(new Effect.ToQueue(queueId, capacity(state, queueId, handled)));
        }
        return effects;
    }

    private static final Comparator<Map.Entry<String, Integer>> SKILL_ORDER = Comparator.comparing(
                    (Map.Entry<String, Integer> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey);

    /**
     * What a recovered agent sends again. Sends between aggregates are at-most-once: a runtime that
     * stops between one aggregate persisting and the other persisting what it was told loses the
     * message, and a lost {@code Release} or {@code Invite} would leave a slot held for good (R2, R3,
     * R11). So the agent, the single authority on its capacity, reports it again to every queue it serves
     * (the queue replaces its view of the agent; R4, R10), then asks each request it holds a slot for to
     * confirm it ({@link RequestCommand.ConfirmHold}); a request that no longer holds the slot answers
     * with a {@code Release}, which the agent ignores for a slot it no longer holds. Nothing here reserves
     * a slot, so resending never books an agent beyond its capacity; a runtime may call it after every
     * recovery. An unregistered agent sends nothing.
     */
    public List<Effect> resendOnRecovery(AgentState state) {
        if (!state.isRegistered()) {
            return List.of();
        }
        List<Effect> effects = capacityReports(state, "", 0);
        for (Held h : state.held()) {
            effects.add(new Effect.ToRequest(
                    h.requestId(), new RequestCommand.ConfirmHold(h.requestId(), state.agentId(), h.reserved())));
        }
        return List.copyOf(effects);
    }

    @Override
    public AgentState evolve(AgentState state, AgentEvent event) {
        return switch (event) {
            case AgentEvent.Registered e ->
                new AgentState(
                        e.agentId(), e.name(), e.skills(), e.maxChats(), e.roles(), Presence.OFFLINE, "", List.of(), 0);
            case AgentEvent.PresenceChanged e -> state.withPresence(e.presence(), e.reason(), e.atMillis());
            case AgentEvent.SlotReserved e ->
                state.plus(new Held(e.requestId(), e.queueId(), e.exclusive(), true, e.atMillis()));
            case AgentEvent.InteractionStarted e -> state.activate(e.requestId(), e.atMillis());
            case AgentEvent.SlotReleased e -> state.minus(e.requestId(), e.atMillis());
        };
    }
}
