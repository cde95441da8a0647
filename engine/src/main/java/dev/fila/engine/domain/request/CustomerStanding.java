package dev.fila.engine.domain.request;

/**
 * R6, R16, R27: what is known of the customer when they open a request, looked up by the caller (the
 * customer history read model live, the customer population in simulation).
 *
 * @param activeContract whether the customer holds an active support contract
 * @param unansweredSurveyProtocol the protocol of a previous request whose survey is still unanswered,
 *     or empty when there is none
 */
public record CustomerStanding(boolean activeContract, String unansweredSurveyProtocol) {

    public CustomerStanding {
        unansweredSurveyProtocol = unansweredSurveyProtocol == null ? "" : unansweredSurveyProtocol;
    }

    public static CustomerStanding inGoodStanding() {
        return new CustomerStanding(true, "");
    }
}
