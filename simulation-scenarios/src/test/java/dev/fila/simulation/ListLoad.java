package dev.fila.simulation;

import dev.fila.engine.domain.Channel;
import dev.fila.simulation.load.LoadRecord;
import dev.fila.simulation.load.LoadSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A hand-written load for tests: chat arrivals at given local times with given handle times and patience. */
final class ListLoad implements LoadSource {

    private final Iterator<LoadRecord> records;

    private ListLoad(List<LoadRecord> records) {
        this.records = records.iterator();
    }

    static Builder on(String date, ZoneId zone) {
        return new Builder(date, zone);
    }

    static final class Builder {
        private final String date;
        private final ZoneId zone;
        private final List<LoadRecord> records = new ArrayList<>();

        Builder(String date, ZoneId zone) {
            this.date = date;
            this.zone = zone;
        }

        /** An arrival at {@code time} (HH:mm:ss) in {@code queue}; {@code patienceSeconds} −1: never leaves. */
        Builder arrival(String time, String queue, long handleSeconds, long patienceSeconds) {
            long at = LocalDateTime.parse(date + "T" + time)
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli();
            records.add(new LoadRecord(
                    at,
                    queue,
                    Channel.CHAT,
                    handleSeconds * 1000,
                    patienceSeconds < 0 ? LoadRecord.UNKNOWN : patienceSeconds * 1000,
                    false,
                    0,
                    "c" + (records.size() + 1)));
            return this;
        }

        ListLoad build() {
            return new ListLoad(records);
        }
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public LoadRecord next() {
        return records.next();
    }

    @Override
    public void close() {}
}
