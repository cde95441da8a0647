package dev.fila.engine.domain.request;

/** R16: the customer's answer to the satisfaction survey. */
public record Survey(int score, String comment, long answeredAtMillis) {

    public static final int LOWEST_SCORE = 1;
    public static final int HIGHEST_SCORE = 5;
}
