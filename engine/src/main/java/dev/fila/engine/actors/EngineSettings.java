package dev.fila.engine.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.PriorityPolicy;
import dev.fila.engine.domain.queue.QueueSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The engine's own settings, read from the {@code fila} block of the configuration.
 *
 * @param queues the configured queues by id: the only queue entities that exist
 * @param snapshotEvery snapshot an agent every this many events
 * @param maxTimerDelay the longest a timer sleeps before it reads the clock again
 * @param askTimeout how long the facade waits for an entity's reply
 * @param queueSnapshotEvery snapshot a queue every this many events (a queue's snapshot is its whole
 *     line, O(places), so it is taken less often than an agent's)
 * @param passivateFinishedAfter how long a finished request (closed, surveyed, left, expired, rejected:
 *     no live timer) stays in memory before it is passivated and forgotten by remember-entities
 */
public record EngineSettings(
        Map<String, QueueSettings> queues,
        int snapshotEvery,
        Duration maxTimerDelay,
        Duration askTimeout,
        int queueSnapshotEvery,
        Duration passivateFinishedAfter) {

    public EngineSettings {
        queues = Map.copyOf(queues);
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("fila.snapshot-every must be >= 1, got " + snapshotEvery);
        }
        if (queueSnapshotEvery < 1) {
            throw new IllegalArgumentException("fila.queue-snapshot-every must be >= 1, got " + queueSnapshotEvery);
        }
        if (passivateFinishedAfter.isNegative() || passivateFinishedAfter.isZero()) {
            throw new IllegalArgumentException("fila.passivate-finished-after must be positive");
        }
        if (maxTimerDelay.isNegative() || maxTimerDelay.isZero()) {
            throw new IllegalArgumentException("fila.timers.max-delay must be positive");
        }
    }

    /** Settings that snapshot agents and queues alike every {@code snapshotEvery} events; finished requests passivate after 2 minutes. */
    public EngineSettings(
            Map<String, QueueSettings> queues, int snapshotEvery, Duration maxTimerDelay, Duration askTimeout) {
        this(queues, snapshotEvery, maxTimerDelay, askTimeout, snapshotEvery, Duration.ofMinutes(2));
    }

    /** Reads {@code fila.*}; a bad queue is refused with the key at fault in the message. */
    public static EngineSettings from(Config config) {
        Config fila = config.getConfig("fila");
        Map<String, QueueSettings> queues = new LinkedHashMap<>();
        List<? extends Config> entries = fila.getConfigList("queues");
        for (int i = 0; i < entries.size(); i++) {
            QueueSettings queue = queue(entries.get(i), "fila.queues[" + i + "]");
            if (queues.put(queue.queueId(), queue) != null) {
                throw new IllegalArgumentException("fila.queues: queue '" + queue.queueId() + "' is given twice");
            }
        }
        return new EngineSettings(
                queues,
                fila.getInt("snapshot-every"),
                fila.getDuration("timers.max-delay"),
                fila.getDuration("ask-timeout"),
                fila.getInt("queue-snapshot-every"),
                fila.getDuration("passivate-finished-after"));
    }

    private static QueueSettings queue(Config q, String where) {
        try {
            String id = q.getString("id");
            QueueSettings defaults = QueueSettings.defaults(id, java.time.ZoneOffset.UTC);
            String zone = q.hasPath("zone") ? q.getString("zone") : "UTC";
            Map<String, String> hours = new LinkedHashMap<>();
            if (q.hasPath("hours")) {
                Config h = q.getConfig("hours");
                for (String day : h.root().keySet()) {
                    hours.put(day, h.getString(day));
                }
            } else {
                hours.put("mon-fri", "08:00-21:00");
            }
            List<String> holidays = q.hasPath("holidays") ? q.getStringList("holidays") : List.of();
            BusinessCalendar calendar = BusinessCalendar.parse(zone, hours, holidays);
            Set<Channel> channels = defaults.channels();
            if (q.hasPath("channels")) {
                channels = EnumSet.noneOf(Channel.class);
                for (String c : q.getStringList("channels")) {
                    channels.add(Channel.valueOf(c.strip().toUpperCase(Locale.ROOT)));
                }
            }
            PriorityPolicy priority = PriorityPolicy.defaults();
            if (q.hasPath("priority")) {
                Config p = q.getConfig("priority");
                boolean strict = p.hasPath("strict-classes") && p.getBoolean("strict-classes");
                Map<Integer, Long> credits = priority.creditMillisByPriority();
                if (p.hasPath("credits")) {
                    credits = new LinkedHashMap<>();
                    Config c = p.getConfig("credits");
                    for (String level : c.root().keySet()) {
                        credits.put(
                                Integer.parseInt(level),
                                c.getDuration(quoted(level)).toMillis());
                    }
                }
                priority = new PriorityPolicy(strict, credits);
            }
            return new QueueSettings(
                    id,
                    calendar,
                    channels,
                    millis(q, "accept-timeout", defaults.acceptTimeoutMillis()),
                    q.hasPath("penalty-positions") ? q.getInt("penalty-positions") : defaults.penaltyPositions(),
                    millis(q, "return-grace", defaults.returnGraceMillis()),
                    q.hasPath("expire-at-close") && q.getBoolean("expire-at-close"),
                    priority,
                    millis(q, "default-handle-time", defaults.defaultHandleMillis()));
        } catch (ConfigException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String quoted(String key) {
        return "\"" + key + "\"";
    }

    private static long millis(Config q, String key, long fallback) {
        return q.hasPath(key) ? q.getDuration(key).toMillis() : fallback;
    }
}
