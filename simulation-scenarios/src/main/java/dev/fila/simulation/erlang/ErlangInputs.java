package dev.fila.simulation.erlang;

/** Argument checks shared by the two models: a bad input is a caller's mistake, said by name. */
final class ErlangInputs {

    private ErlangInputs() {}

    static void check(double arrivalsPerHour, double handleSeconds, int agents, double answerWithinSeconds) {
        if (!(arrivalsPerHour >= 0) || Double.isInfinite(arrivalsPerHour)) {
            throw new IllegalArgumentException("arrivalsPerHour must be a finite number >= 0, got " + arrivalsPerHour);
        }
        if (!(handleSeconds > 0) || Double.isInfinite(handleSeconds)) {
            throw new IllegalArgumentException("handleSeconds must be a finite number > 0, got " + handleSeconds);
        }
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        }
        if (!(answerWithinSeconds >= 0) || Double.isInfinite(answerWithinSeconds)) {
            throw new IllegalArgumentException(
                    "answerWithinSeconds must be a finite number >= 0, got " + answerWithinSeconds);
        }
    }

    static void checkPatience(double patienceSeconds) {
        if (!(patienceSeconds > 0) || Double.isInfinite(patienceSeconds)) {
            throw new IllegalArgumentException("patienceSeconds must be a finite number > 0, got " + patienceSeconds);
        }
    }

    static void checkMaxAgents(int maxAgents) {
        if (maxAgents < 0) {
            throw new IllegalArgumentException("maxAgents must be >= 0, got " + maxAgents);
        }
    }

    /** Nobody arrives: nobody waits, nobody is served late, nobody is busy. */
    static ErlangResult idle(int agents) {
        return new ErlangResult(agents, 0, 1, 0, 0, 0, 0);
    }
}
