package dev.fila.simulation.load;

/**
 * A load file that cannot be read, with where and why: its message reads {@code FILE:LINE: field
 * 'x': message} (or {@code FILE:LINE: message} when no single field is at fault), so an editor can
 * jump to it. Nothing of a refused load is run.
 */
public final class LoadFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    public LoadFormatException(String file, long line, String field, String problem) {
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

    /** The column at fault, empty when the whole line is. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
