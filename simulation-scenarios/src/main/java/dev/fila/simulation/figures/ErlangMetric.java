package dev.fila.simulation.figures;

import java.util.Locale;

/**
 * The analytic figures Fila puts beside every simulation ({@link ErlangBaseline}), in the order of
 * every file it writes. Erlang's figures at the actual staffing take the agents online at the
 * interval's midpoint as the servers, each serving one customer at a time; the chat slots (agents ×
 * maxChats) are shown beside them, with Erlang C's service level had every slot been a server (the
 * optimistic bound for agents taking several chats at once, R2).
 */
public enum ErlangMetric {
    /** Erlang's arrival rate: the scenario's rate times the queue's share; 0 while the queue is closed (R7). */
    ARRIVALS_PER_HOUR(Weight.COUNT),
    OFFERED_LOAD_ERLANGS(Weight.COUNT),
    AGENTS_ONLINE(Weight.COUNT),
    CHAT_SLOTS_ONLINE(Weight.COUNT),
    ERLANG_C_AGENTS_NEEDED(Weight.COUNT),
    ERLANG_C_SERVICE_LEVEL(Weight.ARRIVALS),
    ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS(Weight.ARRIVALS),
    ERLANG_C_OCCUPANCY(Weight.AGENTS),
    ERLANG_C_SERVICE_LEVEL_AT_CHAT_SLOTS(Weight.ARRIVALS),
    ERLANG_A_AGENTS_NEEDED(Weight.COUNT),
    ERLANG_A_SERVICE_LEVEL(Weight.ARRIVALS),
    ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS(Weight.ANSWERED_A),
    ERLANG_A_ABANDONMENT_RATE(Weight.ARRIVALS),
    ERLANG_A_OCCUPANCY(Weight.AGENTS);

    /** How values combine across queues and over intervals. */
    enum Weight {
        /** Summed across queues; a time-weighted mean over intervals. */
        COUNT,
        /** Weighted by expected arrivals (intervals and queues without arrivals left out). */
        ARRIVALS,
        /** Weighted by expected answered arrivals under Erlang A (the ASA is a mean over the answered). */
        ANSWERED_A,
        /** Weighted by agents online × time (occupancy is busy agent-time ÷ agent-time). */
        AGENTS
    }

    private static final ErlangMetric[] ALL = values();

    private final Weight weight;
    private final String column;
    private final String key;

    ErlangMetric(Weight weight) {
        this.weight = weight;
        String lower = name().toLowerCase(Locale.ROOT);
        this.column = lower.startsWith("erlang_") ? lower : "erlang_" + lower;
        StringBuilder camel = new StringBuilder();
        boolean up = false;
        for (char c : lower.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                camel.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        this.key = camel.toString();
    }

    Weight weight() {
        return weight;
    }

    /** The column in {@code intervals.csv}: {@code erlang_c_agents_needed}, {@code erlang_agents_online}, … */
    public String column() {
        return column;
    }

    /** The field in {@code summary.json}: {@code erlangCAgentsNeeded}, {@code agentsOnline}, … */
    public String key() {
        return key;
    }

    /** Whether the figure belongs to Erlang A (undefined when customers never abandon). */
    public boolean erlangA() {
        return name().startsWith("ERLANG_A_");
    }

    public static int count() {
        return ALL.length;
    }

    public static ErlangMetric of(int ordinal) {
        return ALL[ordinal];
    }
}
