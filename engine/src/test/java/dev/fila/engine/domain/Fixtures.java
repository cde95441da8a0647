package dev.fila.engine.domain;

import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Shared test values: one queue in São Paulo with the rules' defaults, and instants on a known week. */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    public static final String QUEUE = "support";
    public static final QueueSettings SETTINGS = QueueSettings.defaults(QUEUE, ZONE);
    public static final long REQUEST = 42;
    public static final String PROTOCOL = "20261123-000042";
    public static final String CUSTOMER = "customer-7";
    public static final String AGENT = "ana";

    /** Monday 23 November 2026, 10:00 in São Paulo: the queue is open. */
    public static final long MONDAY_10 = at(2026, 11, 23, 10, 0);

    private Fixtures() {}

    public static long at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(ZONE)
                .toInstant()
                .toEpochMilli();
    }

    public static long minutes(long m) {
        return m * 60_000L;
    }

    public static long seconds(long s) {
        return s * 1_000L;
    }

    public static RequestDetails details(long availableUntilMillis) {
        return new RequestDetails(
                "technical", "ERP", "billing", "invoices", "the invoice total is wrong", false, availableUntilMillis);
    }

    public static RequestCommand.Open open(Channel channel, long availableUntilMillis) {
        return new RequestCommand.Open(
                REQUEST,
                PROTOCOL,
                CUSTOMER,
                QUEUE,
                channel,
                0,
                details(availableUntilMillis),
                CustomerStanding.inGoodStanding(),
                true);
    }

    public static RequestEvent.Opened opened(Channel channel, long atMillis, long expiresAtMillis) {
        return new RequestEvent.Opened(
                REQUEST,
                PROTOCOL,
                CUSTOMER,
                QUEUE,
                channel,
                0,
                details(expiresAtMillis),
                true,
                expiresAtMillis,
                atMillis);
    }
}
