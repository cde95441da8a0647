package dev.fila.engine.domain.request;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.TimerKind;

/** What a request can be told: by its customer, by the support team, by an agent, or by its timers. */
public sealed interface RequestCommand {

    /**
     * R6, R7, R20: the customer opens an online request. The caller supplies the id, the protocol
     * number (R20) and what is known of the customer ({@link CustomerStanding}).
     *
     * @param customerOnline R10: whether the customer is connected to the chat right now
     */
    record Open(
            long requestId,
            String protocol,
            String customerId,
            String queueId,
            Channel channel,
            int priority,
            RequestDetails details,
            CustomerStanding standing,
            boolean customerOnline)
            implements RequestCommand {}

    /** R9: the waiting customer steps away (false) or comes back (true). */
    record SetAvailability(boolean available) implements RequestCommand {}

    /** R10: the customer's chat connection went up or down. */
    record SetCustomerOnline(boolean online) implements RequestCommand {}

    /** R10: an agent reserved a slot and invites the customer. */
    record Invite(String agentId) implements RequestCommand {}

    /** R12: the customer accepts the invitation. */
    record Accept(VisitorInfo visitor) implements RequestCommand {}

    /** R13: the customer leaves the queue. */
    record Leave() implements RequestCommand {}

    /** R15: the support team rejects the waiting request, with a reason the customer sees. */
    record Reject(String reason) implements RequestCommand {}

    /** R14: the customer renews an expired request, with a new available-until. */
    record Renew(long availableUntilMillis) implements RequestCommand {}

    /** R18: the agent opened the interaction. */
    record AgentOpened() implements RequestCommand {}

    /** R18: the customer wrote. */
    record CustomerWrote() implements RequestCommand {}

    /** R18: the agent wrote. */
    record AgentWrote() implements RequestCommand {}

    /** R17: the web visitor left or changed the page during the interaction. */
    record CustomerAway() implements RequestCommand {}

    /** R17: the visitor came back within the grace. */
    record CustomerReturned() implements RequestCommand {}

    /** R3: the agent hangs up a voice or video call but keeps the interaction open for notes. */
    record HangUp() implements RequestCommand {}

    /** R16: the agent closes the interaction; the survey is offered. */
    record Close() implements RequestCommand {}

    /** R16: the customer answers the survey (score 1..5). */
    record AnswerSurvey(int score, String comment) implements RequestCommand {}

    /**
     * Sent by a recovered agent for each request it holds a slot for (R2, R3, R11): does this request
     * still hold it? Sends between aggregates are at-most-once, so a {@code Release}, {@code Invite} or
     * {@code InteractionStarted} may have been lost in a crash. The request answers with what its own
     * state implies and records nothing; answering twice changes nothing.
     *
     * @param requestId this request's id (so that an id never opened can still answer)
     * @param reserved whether the agent holds the slot as a pending invitation (true) or as an
     *     interaction in service (false)
     */
    record ConfirmHold(long requestId, String agentId, boolean reserved) implements RequestCommand {}

    /**
     * Sent by a recovered queue for each request its line holds as offered (R10, R11): did the offer
     * reach an agent? Sends between aggregates are at-most-once, so the queue's {@code Offer} (or the
     * agent's {@code Invite} after it) may have been lost in a crash, leaving the place marked offered
     * for good. The request answers with what its own state implies and records nothing; answering twice
     * changes nothing.
     *
     * @param requestId this request's id (so that an id never opened can still answer)
     * @param queueId the asking queue (where an id never opened answers)
     */
    record ConfirmOffer(long requestId, String queueId) implements RequestCommand {}

    /**
     * Sent by a recovered queue for each request its line holds and has not offered: the queue has you
     * waiting. Requests are not remembered by the runtime, so this is what brings a waiting request back
     * after a restart — its recovery re-arms its timers (R11, R14) and sends again what its state implies
     * (a {@code Remove} the queue never got, if it left meanwhile). The request records nothing; an id
     * never opened answers by leaving that line (as refused by the team, R15).
     *
     * @param requestId this request's id (so that an id never opened can still answer)
     * @param queueId the asking queue (where an id never opened answers)
     */
    record ConfirmQueued(long requestId, String queueId) implements RequestCommand {}

    /** A timer set by this request fell due. */
    record TimerFired(TimerKind kind, long dueMillis) implements RequestCommand {}
}
