package dev.fila.simulation.scenario;

/**
 * A scenario file that cannot run, with where and why: its message reads {@code FILE:LINE: field
 * 'x.y': message} (or {@code FILE:LINE: message} for a syntax error), so an editor can jump to it.
 */
public final class ScenarioException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public ScenarioException(String file, int line, String field, String problem) {
        super(file + ":" + line + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** The dotted path of the field at fault, empty for a syntax error. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
