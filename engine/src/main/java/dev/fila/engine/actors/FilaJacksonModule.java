package dev.fila.engine.actors;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import java.util.List;

/**
 * Teaches Jackson the domain's sealed families without a single annotation in the domain: each sealed
 * root gets a mix-in that writes a {@code "type"} property holding the record's simple name (never a
 * class name), and every permitted record is registered under that name. Loaded by Pekko through
 * {@code pekko.serialization.jackson.jackson-modules}.
 *
 * <p>Renaming a record therefore changes its type id: keep the old name with a migration (see {@link
 * RequestOpenedMigration}) when that happens.
 */
public final class FilaJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** The sealed families that travel or are stored polymorphically. */
    static final List<Class<?>> SEALED_ROOTS = List.of(
            RequestCommand.class,
            RequestEvent.class,
            AgentCommand.class,
            AgentEvent.class,
            QueueCommand.class,
            QueueEvent.class);

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private abstract static class NamedSubtypes {}

    public FilaJacksonModule() {
        super("fila-domain");
        for (Class<?> root : SEALED_ROOTS) {
            setMixInAnnotation(root, NamedSubtypes.class);
            for (Class<?> subtype : root.getPermittedSubclasses()) {
                registerSubtypes(new NamedType(subtype, subtype.getSimpleName()));
            }
        }
    }
}
