package dev.fila.engine.domain.request;

import dev.fila.engine.domain.Decider;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.TimerKind;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.calendar.OpenDay;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request aggregate: the online lifecycle {@code waiting → invited → in_service → closed →
 * surveyed}, with the exits left, rejected and expired. It is the single authority on its invitation's
 * outcome (accepted or ran out, R11) and owns the three timers of {@link TimerKind}.
 *
 * <p>It reads its queue's settings (business hours, timeouts, penalty) from the map it is built with:
 * settings are configuration, not state.
 */
public final class RequestDecider implements Decider<RequestState, RequestCommand, RequestEvent, RequestRejection> {

    /** R10: the reason given when the customer is not online in chat at invitation time. */
    public static final String CUSTOMER_NOT_ONLINE = "customer not online in chat";

    // Effects without a payload of their own are values: one instance each, not one per decision.
    private static final Effect CANCEL_INVITATION = new Effect.CancelTimer(TimerKind.INVITATION);
    private static final Effect CANCEL_EXPIRY = new Effect.CancelTimer(TimerKind.EXPIRY);
    private static final Effect CANCEL_RETURN_GRACE = new Effect.CancelTimer(TimerKind.RETURN_GRACE);

    private final Map<String, QueueSettings> queues;

    /** Per queue, the date of its calendar last asked about (R7), so most openings skip {@code ZonedDateTime}. */
    private final Map<String, LastOpenDay> openDays;

    public RequestDecider(Map<String, QueueSettings> queues) {
        this.queues = Map.copyOf(queues);
        Map<String, LastOpenDay> days = new HashMap<>();
        this.queues.forEach((id, settings) -> days.put(id, new LastOpenDay(settings.calendar())));
        this.openDays = Map.copyOf(days);
    }

    /**
     * A memo of one queue's business hours for the date last asked about: a pure function of the
     * calendar and the instant, so keeping it changes no decision. It holds an immutable {@link OpenDay}
     * written without a lock: a thread that reads a stale or missing one recomputes it (the race is
     * benign, and {@code OpenDay}'s final fields make a published one safe to read).
     */
    private static final class LastOpenDay {
        private final BusinessCalendar calendar;
        private OpenDay day;

        LastOpenDay(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        boolean isOpen(long atMillis) {
            OpenDay d = day;
            if (d == null || !d.covers(atMillis)) {
                if (atMillis == BusinessCalendar.NEVER) {
                    return false;
                }
                d = calendar.openDay(atMillis);
                day = d;
            }
            return d.isOpen(atMillis);
        }
    }

    /** R7: whether the queue takes new entries at {@code nowMillis} (same answer as its calendar's isOpen). */
    private boolean isOpen(QueueSettings queue, long nowMillis) {
        LastOpenDay memo = openDays.get(queue.queueId());
        return memo != null ? memo.isOpen(nowMillis) : queue.calendar().isOpen(nowMillis);
    }

    @Override
    public RequestState initialState() {
        return RequestState.unopened();
    }

    @Override
    public Decision<RequestEvent, RequestRejection> decide(RequestState state, RequestCommand command, long nowMillis) {
        if (command instanceof RequestCommand.Open open) {
            return open(state, open, nowMillis);
        }
        if (!state.isOpened()) {
            if (command instanceof RequestCommand.ConfirmHold confirm) {
                // An agent holds a slot for a request that does not exist: free it (R2), create nothing.
                return Decision.only(
                        new Effect.ToAgent(confirm.agentId(), new AgentCommand.Release(confirm.requestId())));
            }
            if (command instanceof RequestCommand.ConfirmOffer confirm) {
                return leavesTheLineItWasNeverIn(confirm.requestId(), confirm.queueId());
            }
            if (command instanceof RequestCommand.ConfirmQueued confirm) {
                return leavesTheLineItWasNeverIn(confirm.requestId(), confirm.queueId());
            }
            return Decision.reject(RequestRejection.of(RequestRejection.Code.NOT_FOUND, "no such request"));
        }
        QueueSettings queue = queues.get(state.queueId());
        return switch (command) {
            case RequestCommand.Open ignored -> throw new IllegalStateException("handled above");
            case RequestCommand.SetAvailability set -> {
                if (state.status() != RequestStatus.WAITING) {
                    yield wrongState(state, "only a waiting customer can step away or come back");
                }
                if (state.available() == set.available()) {
                    yield Decision.nothing();
                }
                yield Decision.accept(
                        new RequestEvent.AvailabilityChanged(set.available(), nowMillis),
                        toQueue(state, new QueueCommand.SetAvailability(state.requestId(), set.available())));
            }
            case RequestCommand.SetCustomerOnline set -> {
                if (!state.status().isQueued() && state.status() != RequestStatus.IN_SERVICE) {
                    yield wrongState(state, "the request is no longer active");
                }
                yield state.customerOnline() == set.online()
                        ? Decision.nothing()
                        : Decision.accept(new RequestEvent.CustomerOnlineChanged(set.online(), nowMillis));
            }
            case RequestCommand.Invite invite -> invite(state, queue, invite, nowMillis);
            case RequestCommand.Accept accept -> {
                if (state.status() != RequestStatus.INVITED) {
                    yield wrongState(state, "there is no pending invitation");
                }
                if (nowMillis >= state.invitation().expiresAtMillis()) {
                    yield Decision.reject(
                            RequestRejection.of(RequestRejection.Code.INVITATION_EXPIRED, "the invitation ran out"));
                }
                String agentId = state.invitation().agentId();
                VisitorInfo visitor = accept.visitor() == null ? VisitorInfo.unknown() : accept.visitor();
                yield Decision.accept(
                        new RequestEvent.Accepted(agentId, visitor, nowMillis - state.enteredAtMillis(), nowMillis),
                        CANCEL_INVITATION,
                        CANCEL_EXPIRY,
                        toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.SERVED)),
                        new Effect.ToAgent(agentId, new AgentCommand.InteractionStarted(state.requestId())));
            }
            case RequestCommand.Leave ignored -> {
                if (!state.status().isQueued()) {
                    yield wrongState(state, "only a queued request can be left");
                }
                yield leaveQueue(state, new RequestEvent.Left(nowMillis), LineExit.LEFT);
            }
            case RequestCommand.Reject reject -> {
                if (!state.status().isQueued()) {
                    yield wrongState(state, "only a queued request can be rejected");
                }
                if (reject.reason() == null || reject.reason().isBlank()) {
                    yield Decision.reject(new RequestRejection(
                            RequestRejection.Code.INVALID_FIELDS, "a rejection needs a reason", List.of("reason")));
                }
                yield leaveQueue(
                        state, new RequestEvent.Rejected(reject.reason().strip(), nowMillis), LineExit.REJECTED);
            }
            case RequestCommand.Renew renew -> renew(state, queue, renew, nowMillis);
            case RequestCommand.AgentOpened ignored -> {
                Decision<RequestEvent, RequestRejection> refusal = inService(state);
                if (refusal != null) {
                    yield refusal;
                }
                yield state.interaction().state() == InteractionState.NEW
                        ? Decision.accept(new RequestEvent.AgentOpened(nowMillis))
                        : Decision.nothing();
            }
            case RequestCommand.CustomerWrote ignored -> {
                Decision<RequestEvent, RequestRejection> refusal = inService(state);
                if (refusal != null) {
                    yield refusal;
                }
                if (state.interaction().state() == InteractionState.CUSTOMER_AWAY) {
                    // Writing is the surest sign that the visitor is back (R17).
                    yield Decision.accept(
                            List.of(
                                    new RequestEvent.CustomerReturned(nowMillis),
                                    new RequestEvent.CustomerWrote(nowMillis)),
                            List.of(CANCEL_RETURN_GRACE));
                }
                yield Decision.accept(new RequestEvent.CustomerWrote(nowMillis));
            }
            case RequestCommand.AgentWrote ignored -> {
                Decision<RequestEvent, RequestRejection> refusal = inService(state);
                yield refusal != null ? refusal : Decision.accept(new RequestEvent.AgentWrote(nowMillis));
            }
            case RequestCommand.CustomerAway ignored -> {
                Decision<RequestEvent, RequestRejection> refusal = inService(state);
                if (refusal != null) {
                    yield refusal;
                }
                if (state.interaction().state() == InteractionState.CUSTOMER_AWAY) {
                    yield Decision.nothing();
                }
                long graceEnds = nowMillis + queue.returnGraceMillis();
                yield Decision.accept(
                        new RequestEvent.CustomerWentAway(graceEnds, nowMillis),
                        new Effect.StartTimer(TimerKind.RETURN_GRACE, graceEnds));
            }
            case RequestCommand.CustomerReturned ignored -> {
                Decision<RequestEvent, RequestRejection> refusal = inService(state);
                if (refusal != null) {
                    yield refusal;
                }
                if (state.interaction().state() != InteractionState.CUSTOMER_AWAY) {
                    yield Decision.nothing();
                }
                yield Decision.accept(new RequestEvent.CustomerReturned(nowMillis), CANCEL_RETURN_GRACE);
            }
            case RequestCommand.HangUp ignored -> {
                if (state.status() != RequestStatus.IN_SERVICE) {
                    yield wrongState(state, "there is no interaction");
                }
                if (!state.channel().isExclusive() || !state.interaction().callOngoing()) {
                    yield Decision.reject(RequestRejection.of(RequestRejection.Code.NO_CALL, "no call is up"));
                }
                yield Decision.accept(new RequestEvent.CallHungUp(nowMillis));
            }
            case RequestCommand.Close ignored -> {
                if (state.status() != RequestStatus.IN_SERVICE) {
                    yield wrongState(state, "only an interaction in service can be closed");
                }
                yield Decision.accept(
                        new RequestEvent.Closed(nowMillis),
                        CANCEL_RETURN_GRACE,
                        new Effect.ToAgent(state.interaction().agentId(), new AgentCommand.Release(state.requestId())));
            }
            case RequestCommand.AnswerSurvey answer -> {
                if (state.status() != RequestStatus.CLOSED) {
                    yield wrongState(state, "the survey is offered once the interaction is closed");
                }
                if (answer.score() < Survey.LOWEST_SCORE || answer.score() > Survey.HIGHEST_SCORE) {
                    yield Decision.reject(new RequestRejection(
                            RequestRejection.Code.INVALID_FIELDS,
                            "score must be " + Survey.LOWEST_SCORE + " to " + Survey.HIGHEST_SCORE,
                            List.of("score")));
                }
                String comment =
                        answer.comment() == null ? "" : answer.comment().strip();
                yield Decision.accept(new RequestEvent.SurveyAnswered(answer.score(), comment, nowMillis));
            }
            case RequestCommand.ConfirmHold confirm -> confirmHold(state, confirm);
            case RequestCommand.ConfirmOffer ignored -> confirmOffer(state);
            // Being asked woke the request: its recovery already sent what its state implies.
            case RequestCommand.ConfirmQueued ignored -> Decision.nothing();
            case RequestCommand.TimerFired fired -> timerFired(state, queue, fired, nowMillis);
        };
    }

    /**
     * A recovered agent asks whether this request still holds its slot (R2, R3, R11). Records nothing;
     * every answer is one the agent and the queue already ignore when they have it, so asking again is
     * harmless:
     *
     * <ul>
     *   <li>invited by that agent, or in service with it: the hold is right, nothing to say — except that
     *       an agent still holding as reserved what is in service is told again that the interaction
     *       started (R12; the {@code InteractionStarted} was lost);
     *   <li>waiting: the agent's {@code Invite} never arrived (or the {@code Release} of an invitation
     *       that ran out was lost): the slot is released, and the queue is told the offer came back so
     *       that it offers the request again (R10) instead of waiting for an answer that will never come;
     *   <li>invited by or in service with another agent, closed, surveyed, left, rejected or expired: the
     *       slot is released (R3, R11, R13, R14, R15, R16).
     * </ul>
     *
     * Never an invitation: a late one would skip an R11 penalty, and the request stays the single
     * authority on its invitation; the queue's routing decides who is invited next.
     */
    private static Decision<RequestEvent, RequestRejection> confirmHold(
            RequestState state, RequestCommand.ConfirmHold confirm) {
        String agentId = confirm.agentId();
        Effect release = new Effect.ToAgent(agentId, new AgentCommand.Release(state.requestId()));
        return switch (state.status()) {
            case INVITED -> agentId.equals(state.invitation().agentId()) ? Decision.nothing() : Decision.only(release);
            case IN_SERVICE -> {
                if (!agentId.equals(state.interaction().agentId())) {
                    yield Decision.only(release);
                }
                yield confirm.reserved()
                        ? Decision.only(
                                new Effect.ToAgent(agentId, new AgentCommand.InteractionStarted(state.requestId())))
                        : Decision.nothing();
            }
            case WAITING -> Decision.only(release, toQueue(state, new QueueCommand.OfferReturned(state.requestId())));
            case NEW, CLOSED, SURVEYED, LEFT, REJECTED, EXPIRED -> Decision.only(release);
        };
    }

    /**
     * A recovered queue asks whether the offer of this request reached an agent (R10, R11). Records
     * nothing, and never invites (the agent does, after the queue's offer):
     *
     * <ul>
     *   <li>waiting: no invitation came of the offer (the queue's {@code Offer} or the agent's {@code
     *       Invite} was lost): the queue is told the offer came back, so that it offers the request again
     *       — the same answer as an invitation that found the customer stepped away. A late invitation
     *       of an offer still travelling finds the request invited already and frees its slot, so the
     *       request is invited once;
     *   <li>invited: the offer arrived and the invitation is pending; the queue hears of its end as
     *       always ({@code Remove} on acceptance, {@code ApplyPenalty} when it runs out): nothing to say;
     *   <li>in service, closed, surveyed, left, rejected or expired: the request left the line; the
     *       {@code Remove} that said so is sent again (the queue ignores it when it has it).
     * </ul>
     */
    /**
     * A queue holds a place, offered or not, for a request that does not exist: no agent can ever serve
     * it, so it leaves that line (as refused by the team, R15); nothing is created.
     */
    private static Decision<RequestEvent, RequestRejection> leavesTheLineItWasNeverIn(long requestId, String queueId) {
        return Decision.only(new Effect.ToQueue(queueId, new QueueCommand.Remove(requestId, LineExit.REJECTED)));
    }

    private static Decision<RequestEvent, RequestRejection> confirmOffer(RequestState state) {
        return switch (state.status()) {
            case WAITING -> Decision.only(toQueue(state, new QueueCommand.OfferReturned(state.requestId())));
            case NEW, INVITED -> Decision.nothing();
            case IN_SERVICE, CLOSED, SURVEYED ->
                Decision.only(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.SERVED)));
            case LEFT -> Decision.only(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.LEFT)));
            case EXPIRED -> Decision.only(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.EXPIRED)));
            case REJECTED ->
                Decision.only(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.REJECTED)));
        };
    }

    private Decision<RequestEvent, RequestRejection> open(
            RequestState state, RequestCommand.Open open, long nowMillis) {
        if (state.isOpened()) {
            return Decision.reject(
                    RequestRejection.of(RequestRejection.Code.ALREADY_OPEN, "request " + open.requestId() + " exists"));
        }
        QueueSettings queue = open.queueId() == null ? null : queues.get(open.queueId());
        if (queue == null) {
            return Decision.reject(new RequestRejection(
                    RequestRejection.Code.UNKNOWN_QUEUE, "no queue " + open.queueId(), List.of("queueId")));
        }
        // Built only when something is missing: a valid opening allocates no list.
        List<String> bad = null;
        if (open.requestId() < 0) {
            bad = missing(bad, "requestId");
        }
        if (blank(open.protocol())) {
            bad = missing(bad, "protocol");
        }
        if (blank(open.customerId())) {
            bad = missing(bad, "customerId");
        }
        if (open.channel() == null) {
            bad = missing(bad, "channel");
        }
        if (open.priority() < 0) {
            bad = missing(bad, "priority");
        }
        RequestDetails details = open.details();
        if (details == null) {
            bad = missing(bad, "details");
        } else {
            if (blank(details.supportType())) {
                bad = missing(bad, "supportType");
            }
            if (blank(details.system())) {
                bad = missing(bad, "system");
            }
            if (blank(details.module())) {
                bad = missing(bad, "module");
            }
            if (blank(details.menu())) {
                bad = missing(bad, "menu");
            }
            if (blank(details.description())) {
                bad = missing(bad, "description");
            }
            if (details.wantsPhoneCall() == null) {
                bad = missing(bad, "wantsPhoneCall");
            }
        }
        if (open.standing() == null) {
            bad = missing(bad, "standing");
        }
        if (bad != null) {
            return Decision.reject(new RequestRejection(
                    RequestRejection.Code.INVALID_FIELDS, "missing or invalid: " + String.join(", ", bad), bad));
        }
        if (!open.channel().isRealTime() || !queue.channels().contains(open.channel())) {
            return Decision.reject(new RequestRejection(
                    RequestRejection.Code.CHANNEL_NOT_SERVED,
                    "queue " + queue.queueId() + " does not take " + open.channel(),
                    List.of("channel")));
        }
        if (!open.standing().activeContract()) {
            return Decision.reject(RequestRejection.of(
                    RequestRejection.Code.NO_ACTIVE_CONTRACT, "an active support contract is required"));
        }
        if (!open.standing().unansweredSurveyProtocol().isEmpty()) {
            return Decision.reject(RequestRejection.of(
                    RequestRejection.Code.SURVEY_PENDING,
                    "answer the survey of request " + open.standing().unansweredSurveyProtocol() + " first"));
        }
        if (!isOpen(queue, nowMillis)) {
            return Decision.reject(RequestRejection.of(
                    RequestRejection.Code.QUEUE_CLOSED, "the queue is closed now; an offline request is possible"));
        }
        if (details.availableUntilMillis() <= nowMillis) {
            return Decision.reject(new RequestRejection(
                    RequestRejection.Code.AVAILABLE_UNTIL_PASSED,
                    "available-until is already past",
                    List.of("availableUntil")));
        }
        long expiresAt = expiry(queue, details.availableUntilMillis(), nowMillis);
        return Decision.accept(
                new RequestEvent.Opened(
                        open.requestId(),
                        open.protocol(),
                        open.customerId(),
                        open.queueId(),
                        open.channel(),
                        open.priority(),
                        details,
                        open.customerOnline(),
                        expiresAt,
                        nowMillis),
                new Effect.ToQueue(
                        open.queueId(),
                        new QueueCommand.Enqueue(open.requestId(), open.channel(), open.priority(), nowMillis, false)),
                new Effect.StartTimer(TimerKind.EXPIRY, expiresAt));
    }

    /** R14 and R7: a queued request expires at the customer's available-until, or at closing with expireAtClose. */
    private static long expiry(QueueSettings queue, long availableUntilMillis, long nowMillis) {
        return queue.expireAtClose()
                ? Math.min(availableUntilMillis, queue.calendar().nextClosing(nowMillis))
                : availableUntilMillis;
    }

    private Decision<RequestEvent, RequestRejection> invite(
            RequestState state, QueueSettings queue, RequestCommand.Invite invite, long nowMillis) {
        Effect release = new Effect.ToAgent(invite.agentId(), new AgentCommand.Release(state.requestId()));
        if (state.status() != RequestStatus.WAITING) {
            // Late: the request left, expired or was invited by another agent meanwhile. Free the slot.
            return Decision.only(release);
        }
        if (!state.available()) {
            // R9: it stepped away while the offer travelled; the queue offers it again when it is back.
            return Decision.only(release, toQueue(state, new QueueCommand.OfferReturned(state.requestId())));
        }
        if (!state.customerOnline()) {
            // R10: not online in chat: rejected with that reason; the customer must enter the queue again.
            return Decision.accept(
                    new RequestEvent.InvitationRefused(invite.agentId(), CUSTOMER_NOT_ONLINE, nowMillis),
                    CANCEL_EXPIRY,
                    toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.REFUSED)),
                    release);
        }
        long expiresAt = nowMillis + queue.acceptTimeoutMillis();
        return Decision.accept(
                new RequestEvent.Invited(invite.agentId(), expiresAt, nowMillis),
                new Effect.StartTimer(TimerKind.INVITATION, expiresAt));
    }

    private Decision<RequestEvent, RequestRejection> renew(
            RequestState state, QueueSettings queue, RequestCommand.Renew renew, long nowMillis) {
        if (state.status() != RequestStatus.EXPIRED) {
            return wrongState(state, "only an expired request can be renewed");
        }
        if (!queue.calendar().isOnLaterBusinessDay(nowMillis, state.endedAtMillis())) {
            return Decision.reject(RequestRejection.of(
                    RequestRejection.Code.RENEWAL_NOT_YET,
                    "an expired request can be renewed from the next business day"));
        }
        if (!isOpen(queue, nowMillis)) {
            return Decision.reject(RequestRejection.of(RequestRejection.Code.QUEUE_CLOSED, "the queue is closed now"));
        }
        if (renew.availableUntilMillis() <= nowMillis) {
            return Decision.reject(new RequestRejection(
                    RequestRejection.Code.AVAILABLE_UNTIL_PASSED,
                    "available-until is already past",
                    List.of("availableUntil")));
        }
        long expiresAt = expiry(queue, renew.availableUntilMillis(), nowMillis);
        return Decision.accept(
                new RequestEvent.Renewed(renew.availableUntilMillis(), expiresAt, nowMillis),
                toQueue(
                        state,
                        new QueueCommand.Enqueue(
                                state.requestId(), state.channel(), state.priority(), nowMillis, true)),
                new Effect.StartTimer(TimerKind.EXPIRY, expiresAt));
    }

    private Decision<RequestEvent, RequestRejection> timerFired(
            RequestState state, QueueSettings queue, RequestCommand.TimerFired fired, long nowMillis) {
        return switch (fired.kind()) {
            case INVITATION -> {
                Invitation invitation = state.invitation();
                if (state.status() != RequestStatus.INVITED || invitation.expiresAtMillis() != fired.dueMillis()) {
                    yield Decision.nothing();
                }
                // R11: back penaltyPositions places (the queue moves it), the agent's slot freed.
                yield Decision.accept(
                        new RequestEvent.InvitationExpired(invitation.agentId(), queue.penaltyPositions(), nowMillis),
                        toQueue(state, new QueueCommand.ApplyPenalty(state.requestId())),
                        new Effect.ToAgent(invitation.agentId(), new AgentCommand.Release(state.requestId())));
            }
            case EXPIRY -> {
                if (!state.status().isQueued() || state.expiresAtMillis() != fired.dueMillis()) {
                    yield Decision.nothing();
                }
                yield leaveQueue(state, new RequestEvent.Expired(nowMillis), LineExit.EXPIRED);
            }
            case RETURN_GRACE -> {
                Interaction interaction = state.interaction();
                if (state.status() != RequestStatus.IN_SERVICE
                        || interaction.state() != InteractionState.CUSTOMER_AWAY
                        || interaction.graceEndsAtMillis() != fired.dueMillis()) {
                    yield Decision.nothing();
                }
                yield Decision.accept(new RequestEvent.CustomerEnded(nowMillis));
            }
        };
    }

    /** Leaves the queue for good (left, rejected, expired): the line forgets it, an inviting agent is freed. */
    private static Decision<RequestEvent, RequestRejection> leaveQueue(
            RequestState state, RequestEvent event, LineExit exit) {
        Effect remove = toQueue(state, new QueueCommand.Remove(state.requestId(), exit));
        boolean expired = exit == LineExit.EXPIRED;
        if (state.status() == RequestStatus.INVITED) {
            Effect release =
                    new Effect.ToAgent(state.invitation().agentId(), new AgentCommand.Release(state.requestId()));
            return expired
                    ? Decision.accept(event, remove, CANCEL_INVITATION, release)
                    : Decision.accept(event, remove, CANCEL_INVITATION, release, CANCEL_EXPIRY);
        }
        return expired ? Decision.accept(event, remove) : Decision.accept(event, remove, CANCEL_EXPIRY);
    }

    private static Decision<RequestEvent, RequestRejection> inService(RequestState state) {
        if (state.status() != RequestStatus.IN_SERVICE) {
            return wrongState(state, "there is no interaction in service");
        }
        if (state.interaction().state() == InteractionState.CUSTOMER_ENDED) {
            return Decision.reject(RequestRejection.of(
                    RequestRejection.Code.CUSTOMER_ENDED, "the customer ended the interaction; close it"));
        }
        return null;
    }

    private static Decision<RequestEvent, RequestRejection> wrongState(RequestState state, String why) {
        return Decision.reject(RequestRejection.of(
                RequestRejection.Code.WRONG_STATE,
                why + " (request is " + state.status().name().toLowerCase() + ")"));
    }

    private static Effect toQueue(RequestState state, QueueCommand command) {
        return new Effect.ToQueue(state.queueId(), command);
    }

    private static List<String> missing(List<String> bad, String field) {
        List<String> list = bad == null ? new ArrayList<>(4) : bad;
        list.add(field);
        return list;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * What a recovered request tells its queue again. Sends between aggregates are at-most-once: a
     * runtime that stops between persisting this request's events and the queue persisting what they
     * told it loses the message (seen with kill -9: a request acknowledged as waiting that stood in no
     * line). Every send here is one the queue already ignores when it has it — an {@code Enqueue} of a
     * request in its line, a {@code Remove} or {@code SetAvailability} of one that is not — so a runtime
     * may send them after every recovery. A waiting request re-enters at its own entry time (R8; a
     * renewed one without credit, R14), keeps its availability (R9), and one that left the queue for
     * good is removed again.
     */
    public List<Effect> resendOnRecovery(RequestState state) {
        return switch (state.status()) {
            case NEW -> List.of();
            case WAITING, INVITED -> {
                Effect enqueue = toQueue(
                        state,
                        new QueueCommand.Enqueue(
                                state.requestId(),
                                state.channel(),
                                state.priority(),
                                state.enteredAtMillis(),
                                state.renewals() > 0));
                yield state.available()
                        ? List.of(enqueue)
                        : List.of(enqueue, toQueue(state, new QueueCommand.SetAvailability(state.requestId(), false)));
            }
            case IN_SERVICE, CLOSED, SURVEYED ->
                List.of(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.SERVED)));
            case LEFT -> List.of(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.LEFT)));
            case EXPIRED -> List.of(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.EXPIRED)));
            case REJECTED -> List.of(toQueue(state, new QueueCommand.Remove(state.requestId(), LineExit.REJECTED)));
        };
    }

    @Override
    public RequestState evolve(RequestState state, RequestEvent event) {
        return switch (event) {
            case RequestEvent.Opened e -> RequestState.opened(e);
            case RequestEvent.AvailabilityChanged e ->
                state.withQueueing(state.queueing().withPresence(e.available(), state.customerOnline()));
            case RequestEvent.CustomerOnlineChanged e ->
                state.withQueueing(state.queueing().withPresence(state.available(), e.online()));
            case RequestEvent.Invited e ->
                state.with(RequestStatus.INVITED, new Invitation(e.agentId(), e.atMillis(), e.expiresAtMillis()), null);
            case RequestEvent.InvitationRefused e -> state.ended(RequestStatus.REJECTED, e.reason(), e.atMillis());
            case RequestEvent.InvitationExpired e -> state.penalised();
            case RequestEvent.Accepted e ->
                state.with(
                        RequestStatus.IN_SERVICE,
                        null,
                        new Interaction(
                                e.agentId(),
                                e.atMillis(),
                                e.waitedMillis(),
                                e.visitor(),
                                InteractionState.NEW,
                                InteractionState.NEW,
                                0,
                                state.channel().isExclusive()));
            case RequestEvent.Left e -> state.ended(RequestStatus.LEFT, "", e.atMillis());
            case RequestEvent.Rejected e -> state.ended(RequestStatus.REJECTED, e.reason(), e.atMillis());
            case RequestEvent.Expired e -> state.ended(RequestStatus.EXPIRED, "", e.atMillis());
            case RequestEvent.Renewed e -> state.renewed(e.availableUntilMillis(), e.expiresAtMillis(), e.atMillis());
            case RequestEvent.AgentOpened e ->
                state.withInteraction(state.interaction().withState(InteractionState.AWAITING_AGENT));
            case RequestEvent.CustomerWrote e ->
                state.interaction().state() == InteractionState.NEW
                        ? state
                        : state.withInteraction(state.interaction().withState(InteractionState.AWAITING_AGENT));
            case RequestEvent.AgentWrote e ->
                state.withInteraction(state.interaction().withState(InteractionState.AWAITING_CUSTOMER));
            case RequestEvent.CustomerWentAway e ->
                state.withInteraction(state.interaction().away(e.graceEndsAtMillis()));
            case RequestEvent.CustomerReturned e ->
                state.withInteraction(state.interaction().back());
            case RequestEvent.CustomerEnded e ->
                state.withInteraction(state.interaction().withState(InteractionState.CUSTOMER_ENDED));
            case RequestEvent.CallHungUp e ->
                state.withInteraction(state.interaction().hungUp());
            case RequestEvent.Closed e -> state.ended(RequestStatus.CLOSED, "", e.atMillis());
            case RequestEvent.SurveyAnswered e -> state.surveyed(new Survey(e.score(), e.comment(), e.atMillis()));
        };
    }
}
