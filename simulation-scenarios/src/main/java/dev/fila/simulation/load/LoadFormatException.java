package dev.fila.simulation.load;

import dev.fila.simulation.LocatedInputException;

/**
 * A load file that cannot be read, with where and why ({@code FILE:LINE: field 'x': message}; the field
 * is the column at fault, empty when the whole line is). Nothing of a refused load is run.
 */
public final class LoadFormatException extends LocatedInputException {

    public LoadFormatException(String file, long line, String field, String problem) {
        super(file, line, field, problem);
    }
}
