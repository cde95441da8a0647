package dev.fila.simulation;

/**
 * An input file that cannot be used, with where and why: its message reads {@code FILE:LINE: field
 * 'x': message} (or {@code FILE:LINE: message} when no single field is at fault), so an editor can jump
 * to it. Scenario files and load files refuse their bad input this way (their own subclasses say which).
 */
public abstract class LocatedInputException extends RuntimeException {

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    protected LocatedInputException(String file, long line, String field, String problem) {
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
    public long line() {
        return line;
    }

    /** The field at fault, empty when the whole line is. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
