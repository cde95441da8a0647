package dev.fila.simulation.load;

import java.util.Iterator;

/**
 * A stream of arrivals in non-decreasing arrival order: a load CSV read line by line (a file of
 * millions of rows never sits in memory whole) or a generator. Closing releases the file.
 */
public interface LoadSource extends Iterator<LoadRecord>, AutoCloseable {

    @Override
    void close();
}
