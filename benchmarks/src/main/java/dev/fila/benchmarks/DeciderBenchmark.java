package dev.fila.benchmarks;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentRejection;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueRejection;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.VisitorInfo;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@code decide} and one {@code evolve} of each aggregate, on the commands a served
 * call goes through. The queue's route is measured over a line of {@code waiting} requests with one
 * agent free, the common case when an agent frees a slot.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DeciderBenchmark {

    private static final long T = 1_800_000_000_000L;
    private static final String QUEUE = "support";

    @Param({"1000", "100000"})
    int waiting;

    private RequestDecider requests;
    private AgentDecider agents;
    private QueueDecider queues;
    private RequestState unopened;
    private RequestState invitedRequest;
    private RequestCommand.Open open;
    private RequestCommand.Accept accept;
    private RequestEvent.Opened opened;
    private AgentState onlineAgent;
    private AgentCommand.Offer offer;
    private AgentEvent.SlotReserved reserved;
    private QueueState line;
    private QueueCommand.Route route;

    @Setup
    public void setUp() {
        QueueSettings settings =
                QueueSettings.defaults(QUEUE, ZoneOffset.UTC).withCalendar(BusinessCalendar.alwaysOpen(ZoneOffset.UTC));
        requests = new RequestDecider(Map.of(QUEUE, settings));
        agents = new AgentDecider();
        queues = new QueueDecider(settings);

        unopened = requests.initialState();
        open = new RequestCommand.Open(
                1,
                "P-1",
                "c-1",
                QUEUE,
                Channel.CHAT,
                0,
                new RequestDetails("t", "s", "m", "menu", "d", false, T + 3_600_000),
                CustomerStanding.inGoodStanding(),
                true);
        opened = (RequestEvent.Opened) events(requests.decide(unopened, open, T))[0];
        RequestState waitingRequest = requests.evolve(unopened, opened);
        invitedRequest = requests.evolve(waitingRequest, new RequestEvent.Invited("ana", T + 300_000, T));
        accept = new RequestCommand.Accept(VisitorInfo.unknown());

        onlineAgent = agents.evolve(
                agents.evolve(
                        agents.initialState(),
                        new AgentEvent.Registered("ana", "Ana", Map.of(QUEUE, 1), 4, Set.of(Role.AGENT))),
                new AgentEvent.PresenceChanged(Presence.ONLINE, "", T));
        offer = new AgentCommand.Offer(7, QUEUE, false);
        reserved = new AgentEvent.SlotReserved(7, QUEUE, false, T);

        line = queues.initialState();
        for (int i = 0; i < waiting; i++) {
            queues.evolve(line, new QueueEvent.Enqueued(i, i % 10 == 0, 0, T + i, T + i));
        }
        queues.evolve(line, new QueueEvent.AgentViewChanged("ana", 1, 1, false, true, T));
        route = new QueueCommand.Route();
    }

    private static Object[] events(Decision<?, ?> decision) {
        return ((Decision.Accepted<?, ?>) decision).events().toArray();
    }

    @Benchmark
    public Decision<RequestEvent, RequestRejection> requestDecideOpen() {
        return requests.decide(unopened, open, T);
    }

    @Benchmark
    public RequestState requestEvolveOpened() {
        return requests.evolve(unopened, opened);
    }

    @Benchmark
    public Decision<RequestEvent, RequestRejection> requestDecideAccept() {
        return requests.decide(invitedRequest, accept, T + 60_000);
    }

    @Benchmark
    public Decision<AgentEvent, AgentRejection> agentDecideOffer() {
        return agents.decide(onlineAgent, offer, T);
    }

    @Benchmark
    public AgentState agentEvolveReserved() {
        return agents.evolve(onlineAgent, reserved);
    }

    @Benchmark
    public Decision<QueueEvent, QueueRejection> queueDecideRoute() {
        return queues.decide(line, route, T);
    }
}
