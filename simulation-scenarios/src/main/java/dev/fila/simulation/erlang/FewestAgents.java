package dev.fila.simulation.erlang;

import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The fewest agents that meet a target, by bisection over 0..maxAgents: O(log maxAgents) evaluations.
 * Sound because both models' service level rises and abandonment falls as agents are added (a property
 * test checks it).
 */
final class FewestAgents {

    private FewestAgents() {}

    static OptionalInt search(IntFunction<ErlangResult> model, StaffingTarget target, int maxAgents) {
        ErlangInputs.checkMaxAgents(maxAgents);
        if (!target.isMetBy(model.apply(maxAgents))) {
            return OptionalInt.empty();
        }
        int missing = -1; // greatest n known to miss (or -1)
        int meeting = maxAgents; // least n known to meet
        while (meeting - missing > 1) {
            int n = missing + (meeting - missing) / 2;
            if (target.isMetBy(model.apply(n))) {
                meeting = n;
            } else {
                missing = n;
            }
        }
        return OptionalInt.of(meeting);
    }
}
