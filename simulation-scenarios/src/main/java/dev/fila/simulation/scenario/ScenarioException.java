package dev.fila.simulation.scenario;

import dev.fila.simulation.LocatedInputException;

/**
 * A scenario file that cannot run, with where and why ({@code FILE:LINE: field 'x.y': message}; the field
 * is the dotted path at fault, empty for a syntax error). Nothing of a refused scenario is run.
 */
public final class ScenarioException extends LocatedInputException {

    public ScenarioException(String file, int line, String field, String problem) {
        super(file, line, field, problem);
    }
}
