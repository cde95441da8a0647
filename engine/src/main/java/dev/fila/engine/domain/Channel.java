package dev.fila.engine.domain;

/**
 * R1: the channels a customer can use. Chat, voice and video are real time and queue; offline is an
 * asynchronous ticket that never enters the online queue.
 */
public enum Channel {
    CHAT,
    VOICE,
    VIDEO,
    OFFLINE;

    /** R2: voice and video take an agent's whole capacity. */
    public boolean isExclusive() {
        return this == VOICE || this == VIDEO;
    }

    /** R1: chat, voice and video are real time; offline is not. */
    public boolean isRealTime() {
        return this != OFFLINE;
    }
}
