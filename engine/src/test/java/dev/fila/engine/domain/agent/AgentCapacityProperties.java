package dev.fila.engine.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Decision;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * R2, R3, R4: whatever the queues offer and in whatever order slots are released, an agent never holds
 * more than its capacity: at most maxChats chats, and a voice or video interaction never shares the
 * agent with anything else; and only an online agent ever takes a new request.
 */
class AgentCapacityProperties {

    private final AgentDecider decider = new AgentDecider();

    @Property(tries = 1000)
    void R2_R3_R4_anAgentNeverHoldsMoreThanItsCapacity(
            @ForAll("commands") List<AgentCommand> commands, @ForAll @IntRange(min = 1, max = 5) int maxChats) {
        AgentState state = decider.evolve(
                decider.initialState(),
                new AgentEvent.Registered("ana", "Ana", Map.of("a", 1, "b", 2), maxChats, Set.of(Role.AGENT)));
        long now = 0;
        for (AgentCommand command : commands) {
            now += 1_000;
            boolean wasOnline = state.presence() == Presence.ONLINE;
            Decision<AgentEvent, AgentRejection> decision = decider.decide(state, command, now);
            if (decision instanceof Decision.Accepted<AgentEvent, AgentRejection> accepted) {
                for (AgentEvent event : accepted.events()) {
                    if (event instanceof AgentEvent.SlotReserved) {
                        assertThat(wasOnline)
                                .as("only an online agent takes work (R4)")
                                .isTrue();
                    }
                    state = decider.evolve(state, event);
                }
            }
            long exclusive = state.held().stream().filter(Held::exclusive).count();
            assertThat(state.held().size()).isLessThanOrEqualTo(maxChats);
            if (exclusive > 0) {
                assertThat(state.held()).as("voice/video is exclusive (R2)").hasSize(1);
            }
            assertThat(state.held().stream().map(Held::requestId).distinct().count())
                    .isEqualTo(state.held().size());
        }
    }

    @Provide
    Arbitrary<List<AgentCommand>> commands() {
        Arbitrary<Long> ids = Arbitraries.longs().between(1, 8);
        Arbitrary<AgentCommand> offer = Combinators.combine(ids, Arbitraries.of("a", "b"), Arbitraries.of(true, false))
                .as(AgentCommand.Offer::new);
        Arbitrary<AgentCommand> release = ids.map(AgentCommand.Release::new);
        Arbitrary<AgentCommand> started = ids.map(AgentCommand.InteractionStarted::new);
        Arbitrary<AgentCommand> presence = Arbitraries.of(Presence.values())
                .map(p -> new AgentCommand.SetPresence(p, p == Presence.PAUSED ? "break" : ""));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, offer),
                        net.jqwik.api.Tuple.of(3, release),
                        net.jqwik.api.Tuple.of(2, started),
                        net.jqwik.api.Tuple.of(1, presence))
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }
}
