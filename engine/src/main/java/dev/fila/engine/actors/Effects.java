package dev.fila.engine.actors;

import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.TimerKind;
import java.util.List;

/** Carries out a decision's effects, in order, once its events are recorded. The shells' one switch over {@link Effect}. */
final class Effects {

    /** Where a request's timers go; entities without timers pass {@link #NO_TIMERS}. */
    interface Timers {
        void start(TimerKind kind, long dueMillis);

        void cancel(TimerKind kind);
    }

    static final Timers NO_TIMERS = new Timers() {
        @Override
        public void start(TimerKind kind, long dueMillis) {
            throw new IllegalStateException("only a request sets timers: " + kind);
        }

        @Override
        public void cancel(TimerKind kind) {
            throw new IllegalStateException("only a request cancels timers: " + kind);
        }
    };

    private Effects() {}

    /**
     * Sends again what a recovered entity's decider names ({@code resendOnRecovery}): sends only, since
     * timers are re-armed from the recovered state and nothing is notified twice.
     */
    static void resend(List<Effect> sends, ShellContext shell) {
        for (Effect effect : sends) {
            switch (effect) {
                case Effect.ToRequest send -> shell.postman().toRequest(send.requestId(), send.command());
                case Effect.ToAgent send -> shell.postman().toAgent(send.agentId(), send.command());
                case Effect.ToQueue send -> shell.postman().toQueue(send.queueId(), send.command());
                case Effect.StartTimer start -> throw new IllegalStateException("a resend is a send: " + start);
                case Effect.CancelTimer cancel -> throw new IllegalStateException("a resend is a send: " + cancel);
                case Effect.Notify notify -> throw new IllegalStateException("a resend is a send: " + notify);
            }
        }
    }

    static void carryOut(Decision.Accepted<?, ?> decision, ShellContext shell, Timers timers) {
        for (int i = 0, n = decision.effectCount(); i < n; i++) {
            switch (decision.effect(i)) {
                case Effect.ToRequest send -> shell.postman().toRequest(send.requestId(), send.command());
                case Effect.ToAgent send -> shell.postman().toAgent(send.agentId(), send.command());
                case Effect.ToQueue send -> shell.postman().toQueue(send.queueId(), send.command());
                case Effect.StartTimer start -> timers.start(start.kind(), start.dueMillis());
                case Effect.CancelTimer cancel -> timers.cancel(cancel.kind());
                case Effect.Notify notify -> shell.hub().publish(new EngineChange.Notified(notify.notification()));
            }
        }
    }
}
