package dev.fila.engine.actors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Schema versions of {@code RequestEvent.Opened}. Pekko writes the current version into the event's
 * manifest; an event stored under an older version passes through {@link #transform} when read.
 *
 * <ul>
 *   <li>Version 1: the first shape, before R10's online-in-chat check: no {@code customerOnline}, and
 *       the expiry named {@code expiresAt}.
 *   <li>Version 2 (current): {@code customerOnline} (a version-1 customer counts as online, since
 *       invitations then never checked it) and {@code expiresAtMillis}, named with its unit.
 * </ul>
 */
public final class RequestOpenedMigration extends JacksonMigration {

    @Override
    public int currentVersion() {
        return 2;
    }

    @Override
    public JsonNode transform(int fromVersion, JsonNode json) {
        ObjectNode root = (ObjectNode) json;
        if (fromVersion < 2) {
            if (root.has("expiresAt")) {
                root.set("expiresAtMillis", root.remove("expiresAt"));
            }
            if (!root.has("customerOnline")) {
                root.put("customerOnline", true);
            }
        }
        return root;
    }
}
