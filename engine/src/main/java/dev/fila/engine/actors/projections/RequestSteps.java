package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.request.RequestEvent;

/** How a request's event reads in its history (R24): its instant and a short detail. No rule here. */
final class RequestSteps {

    private RequestSteps() {}

    static long atMillis(RequestEvent event) {
        return switch (event) {
            case RequestEvent.Opened e -> e.atMillis();
            case RequestEvent.AvailabilityChanged e -> e.atMillis();
            case RequestEvent.CustomerOnlineChanged e -> e.atMillis();
            case RequestEvent.Invited e -> e.atMillis();
            case RequestEvent.InvitationRefused e -> e.atMillis();
            case RequestEvent.InvitationExpired e -> e.atMillis();
            case RequestEvent.Accepted e -> e.atMillis();
            case RequestEvent.Left e -> e.atMillis();
            case RequestEvent.Rejected e -> e.atMillis();
            case RequestEvent.Expired e -> e.atMillis();
            case RequestEvent.Renewed e -> e.atMillis();
            case RequestEvent.AgentOpened e -> e.atMillis();
            case RequestEvent.CustomerWrote e -> e.atMillis();
            case RequestEvent.AgentWrote e -> e.atMillis();
            case RequestEvent.CustomerWentAway e -> e.atMillis();
            case RequestEvent.CustomerReturned e -> e.atMillis();
            case RequestEvent.CustomerEnded e -> e.atMillis();
            case RequestEvent.CallHungUp e -> e.atMillis();
            case RequestEvent.Closed e -> e.atMillis();
            case RequestEvent.SurveyAnswered e -> e.atMillis();
        };
    }

    static String detail(RequestEvent event) {
        String detail =
                switch (event) {
                    case RequestEvent.Opened e ->
                        "protocol " + e.protocol() + ", queue " + e.queueId() + ", "
                                + e.channel().name().toLowerCase(java.util.Locale.ROOT);
                    case RequestEvent.AvailabilityChanged e -> e.available() ? "available" : "stepped away";
                    case RequestEvent.CustomerOnlineChanged e -> e.online() ? "online" : "offline";
                    case RequestEvent.Invited e -> "agent " + e.agentId();
                    case RequestEvent.InvitationRefused e -> "agent " + e.agentId() + ": " + e.reason();
                    case RequestEvent.InvitationExpired e ->
                        "agent " + e.agentId() + ", penalty " + e.penaltyPositions() + " positions";
                    case RequestEvent.Accepted e -> "agent " + e.agentId() + " after " + e.waitedMillis() + " ms";
                    case RequestEvent.Rejected e -> e.reason();
                    case RequestEvent.SurveyAnswered e -> "score " + e.score();
                    case RequestEvent.Left e -> "";
                    case RequestEvent.Expired e -> "";
                    case RequestEvent.Renewed e -> "";
                    case RequestEvent.AgentOpened e -> "";
                    case RequestEvent.CustomerWrote e -> "";
                    case RequestEvent.AgentWrote e -> "";
                    case RequestEvent.CustomerWentAway e -> "";
                    case RequestEvent.CustomerReturned e -> "";
                    case RequestEvent.CustomerEnded e -> "";
                    case RequestEvent.CallHungUp e -> "";
                    case RequestEvent.Closed e -> "";
                };
        return detail.length() > 1024 ? detail.substring(0, 1024) : detail;
    }
}
