package dev.fila.engine.domain.request;

/** R12: what the engine records of the customer's session on acceptance. */
public record VisitorInfo(String originPage, String browser, String operatingSystem, String ipAddress) {

    public static VisitorInfo unknown() {
        return new VisitorInfo("", "", "", "");
    }
}
