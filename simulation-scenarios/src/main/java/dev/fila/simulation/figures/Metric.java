package dev.fila.simulation.figures;

/**
 * The figures Fila reports, per interval and overall, per queue and for all queues. The order is the
 * order of every file Fila writes.
 *
 * <p>Definitions (the issue's, used everywhere): <em>service level</em> = answered within T ÷ all
 * arrivals (abandoned, expired and rejected count as not answered); <em>average speed of answer</em> =
 * mean wait of the answered, from entering the queue to accepting the invitation; <em>abandonment
 * rate</em> = abandoned ÷ all arrivals; <em>occupancy</em> = busy slot time ÷ online slot time (a voice
 * or video interaction fills all of an agent's slots, a pending invitation holds its slot, R11).
 * Arrival figures count requests by the interval they arrived in; time figures (occupancy, agents
 * online, queue length, and the counts of events) by the interval in which the time passed or the
 * event happened.
 */
public enum Metric {
    ARRIVALS("arrivals", false),
    ANSWERED_WITHIN_TARGET("answeredWithinTarget", false),
    SERVED("served", false),
    ABANDONED("abandoned", false),
    EXPIRED("expired", false),
    REJECTED("rejected", false),
    WAITING_AT_END("waitingAtEnd", false),
    SERVICE_LEVEL("serviceLevel", true),
    AVERAGE_SPEED_OF_ANSWER_SECONDS("averageSpeedOfAnswerSeconds", true),
    ABANDONMENT_RATE("abandonmentRate", true),
    LONGEST_WAIT_SECONDS("longestWaitSeconds", false),
    OCCUPANCY("occupancy", true),
    AGENTS_ONLINE("agentsOnline", false),
    QUEUE_LENGTH_MEAN("queueLengthMean", false),
    QUEUE_LENGTH_MAX("queueLengthMax", false),
    INVITATIONS_EXPIRED("invitationsExpired", false),
    PENALTIES_APPLIED("penaltiesApplied", false),
    EXPIRIES("expiries", false),
    RENEWALS("renewals", false);

    private static final Metric[] ALL = values();

    private final String key;
    private final boolean ratio;

    Metric(String key, boolean ratio) {
        this.key = key;
        this.ratio = ratio;
    }

    /** The field name in JSON and the column name in CSV. */
    public String key() {
        return key;
    }

    /** True for a ratio, undefined ({@code NaN}) when its denominator is zero. */
    public boolean ratio() {
        return ratio;
    }

    public static int count() {
        return ALL.length;
    }

    public static Metric of(int ordinal) {
        return ALL[ordinal];
    }
}
