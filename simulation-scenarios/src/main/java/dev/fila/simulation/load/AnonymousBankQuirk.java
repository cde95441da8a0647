package dev.fila.simulation.load;

/**
 * The irregularities of the Anonymous Bank logs that {@link AnonymousBankImporter} handles without
 * refusing the row; it counts each so the import can be checked against the data's README.
 */
public enum AnonymousBankQuirk {
    /** {@code vru_exit} earlier than {@code vru_entry}: the clocks differ; the queue times are used as written. */
    NEGATIVE_VRU_TIME("negative vru_time"),
    /** {@code ser_exit} earlier than {@code ser_start}: the service ended after midnight, on the next day. */
    SERVICE_CROSSES_MIDNIGHT("service crossing midnight"),
    /** A served call whose agent is {@code NO_SERVER}: kept in the load, left out of the staffing. */
    SERVED_BY_NO_SERVER("served by NO_SERVER"),
    /** A served call with no service times ({@code ser_start} and {@code ser_exit} 0:00:00): its handle time is unknown. */
    SERVICE_TIMES_MISSING("served with no service times"),
    /** {@code ser_time} disagrees with {@code ser_exit - ser_start}: the clock difference is used. */
    SERVICE_TIME_DISAGREES_WITH_CLOCK("ser_time disagreeing with the clock"),
    /** {@code ser_start} before {@code q_exit}: the queue and service clocks differ by a few seconds. */
    SERVICE_STARTS_BEFORE_QUEUE_EXIT("ser_start before q_exit"),
    /** A caller who hung up after queueing but has service times and no agent: counted as abandoned. */
    ABANDONED_WITH_SERVICE_TIMES("abandoned with service times"),
    /** A {@code call_id} that is not a number (a spreadsheet turned one into a date). */
    MANGLED_CALL_ID("mangled call_id"),
    /** A {@code customer_id} a spreadsheet wrote in exponent notation ({@code 3.27E+11}): kept as written. */
    CUSTOMER_ID_IN_EXPONENT_NOTATION("customer_id in exponent notation"),
    /** Spaces instead of a tab between two fields. */
    SPACES_INSTEAD_OF_TAB("spaces instead of a tab"),
    /** A spreadsheet date {@code 2010-08-DD}, read as 1999-08-DD. */
    SPREADSHEET_DATE("spreadsheet date read as 1999"),
    /** A call {@code type} outside PS, PE, IN, NE, NW, TT: kept as its queue name. */
    UNKNOWN_TYPE("unknown call type");

    private final String description;

    AnonymousBankQuirk(String description) {
        this.description = description;
    }

    /** A short phrase for summaries. */
    public String description() {
        return description;
    }
}
