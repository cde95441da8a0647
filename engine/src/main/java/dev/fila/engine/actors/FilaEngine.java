package dev.fila.engine.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.actors.journal.JournalSchema;
import dev.fila.engine.actors.journal.RecentStreams;
import dev.fila.engine.actors.projections.LiveUpdates;
import dev.fila.engine.actors.projections.ReadModels;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestState;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * The live engine, as the HTTP API and tests use it: start it on a configuration, send commands to
 * requests, agents and queues and get the domain's reply (its events, or its rejection with a reason
 * code), query states and lines, subscribe to changes, stop it.
 *
 * <p>Every request, agent and queue is a persistent entity ({@link RequestEntity}, {@link
 * AgentEntity}, {@link QueueEntity}) started through Cluster Sharding on a single-node cluster that
 * joins itself. The journal is chosen by {@code fila.journal}: the block {@code
 * fila.journals.<name>} is laid over the configuration (H2 in a file under {@code fila.data-dir} by
 * default).
 */
public final class FilaEngine implements AutoCloseable {

    private final ActorSystem<Void> system;
    private final ClusterSharding sharding;
    private final EngineSettings settings;
    private final ChangeHub hub;
    private final Clock clock;
    private final ReadModels readModels;
    private final LiveUpdates live;

    private FilaEngine(
            ActorSystem<Void> system, EngineSettings settings, ChangeHub hub, Clock clock, ReadModels readModels) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.settings = settings;
        this.hub = hub;
        this.clock = clock;
        this.readModels = readModels;
        this.live = new LiveUpdates(hub::subscribe, this::line, this::agentState);
    }

    /** Starts on {@code application.conf} (and the engine's defaults) with the system clock. */
    public static FilaEngine start() {
        return start(ConfigFactory.load(), Clock.systemUTC());
    }

    public static FilaEngine start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts on {@code config} (a resolved configuration holding the {@code fila} block, such as {@code
     * ConfigFactory.load(overrides)}) with {@code clock}: the only source of wall time in the engine.
     */
    public static FilaEngine start(Config config, Clock clock) {
        String journal = config.getString("fila.journal");
        String blockPath = "fila.journals." + journal;
        if (!config.hasPath(blockPath)) {
            throw new IllegalArgumentException(
                    "fila.journal = " + journal + ", but there is no block " + blockPath + " in the configuration");
        }
        Config block = config.getConfig(blockPath);
        Config effective = block.withoutPath("schema")
                .withFallback(config.getConfig("fila.runtime"))
                .withFallback(config);
        EngineSettings settings = EngineSettings.from(effective);
        JournalSchema.applyFromBlock(block);

        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "fila", effective);
        try {
            Cluster cluster = Cluster.get(system);
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
            ChangeHub hub = new ChangeHub();
            ClusterSharding sharding = ClusterSharding.get(system);
            ShellContext shell = new ShellContext(clock, settings, hub, new ShardedPostman(sharding));
            RequestDecider requestDecider = new RequestDecider(settings.queues());
            AgentDecider agentDecider = new AgentDecider();
            // Requests are not remembered: remembering made every opening wait for one more write (the
            // shard's record of the new entity) and cost a journal row per request. What it gave them is
            // given otherwise: a recovered queue asks every request in its line (timers re-armed, R11,
            // R14), a recovered agent every request it holds (R17), and the requests that wrote shortly
            // before the last stop are woken below (their lost sends sent again). Nor are they passivated
            // when idle: a waiting request's timers live in it; finished ones passivate themselves.
            // fila.remember-requests = on restores remembering (see reference.conf: several nodes).
            sharding.init(Entity.of(
                            RequestEntity.ENTITY_TYPE_KEY,
                            context -> RequestEntity.create(
                                    context.getEntityId(), requestDecider, shell, context.getShard()))
                    .withSettings(ClusterShardingSettings.create(system)
                            .withRememberEntities(effective.getBoolean("fila.remember-requests"))
                            .withNoPassivationStrategy()));
            sharding.init(Entity.of(
                    AgentEntity.ENTITY_TYPE_KEY,
                    context -> AgentEntity.create(context.getEntityId(), agentDecider, shell, context.getShard())));
            sharding.init(Entity.of(
                            QueueEntity.ENTITY_TYPE_KEY,
                            context -> QueueEntity.create(context.getEntityId(), shell, context.getShard()))
                    .withStopMessage(QueueEntity.Stop.INSTANCE));
            wakeRecentRequests(
                    system,
                    sharding,
                    block,
                    effective.getDuration("fila.wake-recent-requests-within").toMillis());
            ReadModels readModels = effective.getBoolean("fila.read-models.enabled")
                    ? ReadModels.start(system, settings, effective)
                    : null;
            return new FilaEngine(system, settings, hub, clock, readModels);
        } catch (RuntimeException e) {
            system.terminate();
            throw e;
        }
    }

    /**
     * Starts the requests that wrote within {@code fila.wake-recent-requests-within} of the journal's last
     * write: a request's recovery sends again what its state implies (an {@code Enqueue} or {@code
     * Remove} its queue may never have got, if the node stopped between the two writes).
     */
    private static void wakeRecentRequests(
            ActorSystem<Void> system, ClusterSharding sharding, Config journalBlock, long windowMillis) {
        String prefix = RequestEntity.ENTITY_TYPE_KEY.name() + "|";
        for (String persistenceId : RecentStreams.persistenceIds(journalBlock, prefix, windowMillis, 10_000_000L)) {
            sharding.entityRefFor(RequestEntity.ENTITY_TYPE_KEY, persistenceId.substring(prefix.length()))
                    .tell(new RequestEntity.Get(system.ignoreRef()));
        }
    }

    /** Sends a command to request {@code requestId}; an id never opened answers {@code NOT_FOUND}. */
    public CompletionStage<RequestReply> request(long requestId, RequestCommand command) {
        return sharding.entityRefFor(RequestEntity.ENTITY_TYPE_KEY, Long.toString(requestId))
                .ask(replyTo -> new RequestEntity.Handle(command, replyTo), settings.askTimeout());
    }

    /** Sends a command to agent {@code agentId}; an id never registered answers {@code NOT_REGISTERED}. */
    public CompletionStage<AgentReply> agent(String agentId, AgentCommand command) {
        if (agentId == null || agentId.isBlank()) {
            return CompletableFuture.failedFuture(new UnknownEntityException("an agent id is required"));
        }
        return sharding.entityRefFor(AgentEntity.ENTITY_TYPE_KEY, agentId)
                .ask(replyTo -> new AgentEntity.Handle(command, replyTo), settings.askTimeout());
    }

    /** Sends a command to queue {@code queueId}, which must be configured. */
    public CompletionStage<QueueReply> queue(String queueId, QueueCommand command) {
        if (!settings.queues().containsKey(queueId)) {
            return CompletableFuture.failedFuture(unknownQueue(queueId));
        }
        return sharding.entityRefFor(QueueEntity.ENTITY_TYPE_KEY, queueId)
                .ask(replyTo -> new QueueEntity.Handle(command, replyTo), settings.askTimeout());
    }

    /** The state of request {@code requestId}; fails with {@link UnknownEntityException} if it was never opened. */
    public CompletionStage<RequestState> requestState(long requestId) {
        return sharding.entityRefFor(RequestEntity.ENTITY_TYPE_KEY, Long.toString(requestId))
                .ask(RequestEntity.Get::new, settings.askTimeout())
                .thenCompose(state -> state.isOpened()
                        ? CompletableFuture.completedFuture(state)
                        : CompletableFuture.failedFuture(new UnknownEntityException("no request " + requestId)));
    }

    /** The state of agent {@code agentId} (its colour, R5, is {@code state.colour()}); fails if never registered. */
    public CompletionStage<AgentState> agentState(String agentId) {
        if (agentId == null || agentId.isBlank()) {
            return CompletableFuture.failedFuture(new UnknownEntityException("an agent id is required"));
        }
        return sharding.entityRefFor(AgentEntity.ENTITY_TYPE_KEY, agentId)
                .ask(AgentEntity.Get::new, settings.askTimeout())
                .thenCompose(state -> state.isRegistered()
                        ? CompletableFuture.completedFuture(state)
                        : CompletableFuture.failedFuture(new UnknownEntityException("no agent " + agentId)));
    }

    /** R8: queue {@code queueId}'s line, with every waiting request's position and ETA. */
    public CompletionStage<LineView> line(String queueId) {
        if (!settings.queues().containsKey(queueId)) {
            return CompletableFuture.failedFuture(unknownQueue(queueId));
        }
        return sharding.entityRefFor(QueueEntity.ENTITY_TYPE_KEY, queueId)
                .ask(QueueEntity.GetLine::new, settings.askTimeout());
    }

    /** Listens to every recorded change; closing the handle stops listening. See {@link ChangeHub}. */
    public AutoCloseable subscribe(Consumer<? super EngineChange> listener) {
        return hub.subscribe(listener);
    }

    /**
     * Item 5: live changes of waiting customers' positions and ETAs (R8) and of the boards, pushed as
     * they are recorded. See {@link LiveUpdates}.
     */
    public AutoCloseable subscribeLive(Consumer<? super dev.fila.engine.actors.projections.LiveChange> listener) {
        return live.subscribe(listener);
    }

    /** Item 4: the read models (boards, request history, daily figures); fails when {@code fila.read-models.enabled = off}. */
    public ReadModels readModels() {
        if (readModels == null) {
            throw new IllegalStateException("the read models are off (fila.read-models.enabled = off)");
        }
        return readModels;
    }

    public EngineSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** The actor system, for read-side tools (projections) that run beside the entities. */
    public ActorSystem<Void> system() {
        return system;
    }

    /** Stops gracefully through Pekko's coordinated shutdown (entities hand off, the journal closes). */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    public void stop(Duration timeout) {
        CompletionStage<Done> done = CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
        try {
            done.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not stop within " + timeout, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static UnknownEntityException unknownQueue(String queueId) {
        return new UnknownEntityException("no queue '" + queueId + "' is configured (fila.queues)");
    }
}
