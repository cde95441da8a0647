package dev.fila.engine.domain.request;

/**
 * R6: what the customer must give to open an online request. Validation happens in the decider, so
 * that a missing field is a rejection naming it, not an exception.
 *
 * @param wantsPhoneCall whether the customer wants a phone call (required: null is missing)
 * @param availableUntilMillis until when, today, the customer is available (R14)
 */
public record RequestDetails(
        String supportType,
        String system,
        String module,
        String menu,
        String description,
        Boolean wantsPhoneCall,
        long availableUntilMillis) {}
