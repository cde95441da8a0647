package dev.fila.engine.actors.projections;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * The database the read models live in: the journal's own (the {@code fila} shared database of
 * pekko-persistence-jdbc), so a projection's table writes and its offset commit in one transaction.
 * A small fixed pool of plain JDBC connections, opened lazily; {@link #close()} closes them.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private volatile boolean closed;

    ReadModelDatabase(String url, String user, String password, int size) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** The database of the effective engine configuration ({@code pekko-persistence-jdbc.shared-databases.fila.db}). */
    static ReadModelDatabase from(Config effective, int size) {
        Config db = effective.getConfig("pekko-persistence-jdbc.shared-databases.fila.db");
        return new ReadModelDatabase(db.getString("url"), db.getString("user"), db.getString("password"), size);
    }

    /** A new session (one transaction) on a pooled connection; closing it hands the connection back. */
    public Session session() {
        return new Session(borrow());
    }

    private Connection borrow() {
        if (closed) {
            throw new IllegalStateException("the read-model database is closed");
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (all) {
            if (all.size() < size) {
                try {
                    Connection opened = DriverManager.getConnection(url, user, password);
                    opened.setAutoCommit(false);
                    all.add(opened);
                    return opened;
                } catch (SQLException e) {
                    throw new IllegalStateException("could not connect to " + url + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            Connection waited = idle.poll(30, TimeUnit.SECONDS);
            if (waited == null) {
                throw new IllegalStateException("no read-model connection free within 30 s");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection", e);
        }
    }

    private void giveBack(Connection connection) {
        if (closed || !idle.offer(connection)) {
            quietlyClose(connection);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(ReadModelDatabase::quietlyClose);
            all.clear();
        }
        idle.clear();
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }

    /** One transaction on one connection, as pekko-projection-jdbc runs its handlers and offset writes. */
    public final class Session implements JdbcSession, AutoCloseable {

        private final Connection connection;
        private boolean returned;

        private Session(Connection connection) {
            this.connection = connection;
        }

        @Override
        public <R> R withConnection(org.apache.pekko.japi.function.Function<Connection, R> function) throws Exception {
            return function.apply(connection);
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
        }

        @Override
        public void rollback() throws SQLException {
            connection.rollback();
        }

        @Override
        public void close() throws SQLException {
            if (!returned) {
                returned = true;
                try {
                    connection.rollback();
                } finally {
                    giveBack(connection);
                }
            }
        }
    }
}
