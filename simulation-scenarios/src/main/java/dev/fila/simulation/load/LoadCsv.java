package dev.fila.simulation.load;

import dev.fila.engine.domain.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The columns of Fila's load CSV and the conversions shared by its reader and writer. */
final class LoadCsv {

    static final String ARRIVAL = "arrival";
    static final String QUEUE = "queue";
    static final String CHANNEL = "channel";
    static final String HANDLE_SECONDS = "handle_seconds";
    static final String PATIENCE_SECONDS = "patience_seconds";
    static final String PATIENCE_CENSORED = "patience_censored";
    static final String PRIORITY = "priority";
    static final String CUSTOMER_ID = "customer_id";

    /** In file order, as {@link LoadRecord}'s Javadoc defines them. */
    static final List<String> COLUMNS = List.of(
            ARRIVAL, QUEUE, CHANNEL, HANDLE_SECONDS, PATIENCE_SECONDS, PATIENCE_CENSORED, PRIORITY, CUSTOMER_ID);

    static final String HEADER = String.join(",", COLUMNS);

    private LoadCsv() {}

    static String formatTime(long epochMillis, ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
    }

    /** Whole seconds without a fraction, otherwise exact to the millisecond; empty when unknown. */
    static String formatSeconds(long millis) {
        if (millis == LoadRecord.UNKNOWN) {
            return "";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    static String formatChannel(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
