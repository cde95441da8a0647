package dev.fila.engine.actors.projections;

import java.util.List;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Runs a per-envelope handler over a group of envelopes in one transaction: the projection then
 * commits its rows and its offset once per group instead of once per event (with H2 and PostgreSQL
 * alike, the commit was most of a read model's cost under load). Exactly-once holds per group.
 */
final class Grouped<E> extends JdbcHandler<List<E>, ReadModelDatabase.Session> {

    private final JdbcHandler<E, ReadModelDatabase.Session> each;

    Grouped(JdbcHandler<E, ReadModelDatabase.Session> each) {
        this.each = each;
    }

    @Override
    public void start() {
        each.start();
    }

    @Override
    public void stop() {
        each.stop();
    }

    @Override
    public void process(ReadModelDatabase.Session session, List<E> envelopes) throws Exception {
        for (E envelope : envelopes) {
            each.process(session, envelope);
        }
    }
}
