package dev.fila.simulation.scenario;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.PriorityPolicy;
import dev.fila.engine.domain.queue.QueueSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file with SnakeYAML's node API, so that every refusal names the file, the line and
 * the field ({@link ScenarioException}). Unknown keys, wrong types, negative or malformed durations,
 * unknown queue references and empty lists are refused; nothing is defaulted silently except what the
 * schema documents as optional.
 *
 * <p>Durations are written as one or more number–unit pairs: {@code 250ms}, {@code 20s}, {@code 5m},
 * {@code 1h30m}, {@code 2d}.
 */
public final class ScenarioReader {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private final String file;

    private ScenarioReader(String file) {
        this.file = file;
    }

    public static Scenario read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(name, 1, "", "cannot read the file: " + e.getMessage());
        }
        return read(name, text);
    }

    /** Reads {@code text} as if from {@code fileName} (which only appears in messages). */
    public static Scenario read(String fileName, String text) {
        return new ScenarioReader(fileName).parse(new StringReader(text));
    }

    // ---------------------------------------------------------------- a field: a node and its path

    private final class Field {
        final String path;
        final Node node;

        Field(String path, Node node) {
            this.path = path;
            this.node = node;
        }

        int line() {
            return node.getStartMark().getLine() + 1;
        }

        ScenarioException error(String problem) {
            return new ScenarioException(file, line(), path, problem);
        }

        String scalar(String what) {
            if (!(node instanceof ScalarNode s)) {
                throw error("expected " + what + ", got " + kind(node));
            }
            return s.getValue().strip();
        }

        String string() {
            String s = scalar("a text");
            if (s.isEmpty()) {
                throw error("must not be empty");
            }
            return s;
        }

        long integer() {
            String s = scalar("a whole number");
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error("expected a whole number, got '" + s + "'");
            }
        }

        int count(int min) {
            long n = integer();
            if (n < min || n > Integer.MAX_VALUE) {
                throw error("must be at least " + min + ", got " + n);
            }
            return (int) n;
        }

        double number() {
            String s = scalar("a number");
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    throw error("must be a finite number, got '" + s + "'");
                }
                return d;
            } catch (NumberFormatException e) {
                throw error("expected a number, got '" + s + "'");
            }
        }

        double share() {
            double d = number();
            if (d < 0 || d > 1) {
                throw error("must be a share between 0 and 1, got " + d);
            }
            return d;
        }

        boolean bool() {
            String s = scalar("true or false").toLowerCase(Locale.ROOT);
            return switch (s) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw error("expected true or false, got '" + s + "'");
            };
        }

        long duration() {
            String s = scalar("a duration such as 90s, 5m or 1h30m");
            if (s.startsWith("-")) {
                throw error("a duration must not be negative, got '" + s + "'");
            }
            Matcher m = DURATION_PART.matcher(s);
            int at = 0;
            double millis = 0;
            while (at < s.length() && m.find(at) && m.start() == at) {
                double value = Double.parseDouble(m.group(1));
                millis += value
                        * switch (m.group(2)) {
                            case "ms" -> 1;
                            case "s" -> 1_000;
                            case "m" -> 60_000;
                            case "h" -> 3_600_000;
                            default -> 86_400_000;
                        };
                at = m.end();
            }
            if (at == 0 || at != s.length()) {
                throw error("expected a duration such as 250ms, 90s, 5m, 1h30m or 2d, got '" + s + "'");
            }
            return Math.round(millis);
        }

        long positiveDuration() {
            long d = duration();
            if (d <= 0) {
                throw error("must be longer than zero");
            }
            return d;
        }

        List<Field> list() {
            if (!(node instanceof SequenceNode seq)) {
                throw error("expected a list, got " + kind(node));
            }
            List<Field> items = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                items.add(new Field(path + "[" + i + "]", seq.getValue().get(i)));
            }
            return items;
        }

        /** The entries of a mapping, in file order; keys outside {@code allowed} are refused (null: any key). */
        Mapping mapping(Set<String> allowed) {
            if (!(node instanceof MappingNode map)) {
                throw error("expected a mapping of keys to values, got " + kind(node));
            }
            Map<String, Field> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                String prefix = path.isEmpty() ? "" : path + ".";
                Field key = new Field(prefix + "?", tuple.getKeyNode());
                String name = key.scalar("a key");
                Field value = new Field(prefix + name, tuple.getValueNode());
                if (allowed != null && !allowed.contains(name)) {
                    throw new ScenarioException(
                            file,
                            key.line(),
                            prefix + name,
                            "unknown key; expected one of " + String.join(", ", allowed));
                }
                if (entries.put(name, value) != null) {
                    throw new ScenarioException(file, key.line(), prefix + name, "given twice");
                }
            }
            return new Mapping(this, entries);
        }
    }

    private final class Mapping {
        final Field self;
        final Map<String, Field> entries;

        Mapping(Field self, Map<String, Field> entries) {
            this.self = self;
            this.entries = entries;
        }

        Field optional(String key) {
            return entries.get(key);
        }

        Field required(String key) {
            Field f = entries.get(key);
            if (f == null) {
                String path = self.path.isEmpty() ? key : self.path + "." + key;
                throw new ScenarioException(file, self.line(), path, "is required");
            }
            return f;
        }
    }

    private static String kind(Node node) {
        return switch (node) {
            case ScalarNode s -> "'" + s.getValue() + "'";
            case SequenceNode s -> "a list";
            case MappingNode m -> "a mapping";
            default -> node.getNodeId().toString();
        };
    }

    // ---------------------------------------------------------------- the schema

    private Scenario parse(Reader reader) {
        Node root;
        try {
            root = new Yaml().compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ScenarioException(file, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioException(file, 1, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ScenarioException(file, 1, "", "the file is empty");
        }
        Mapping top = new Field("", root)
                .mapping(Set.of(
                        "name", "seed", "start", "horizon", "timeZone", "queues", "agents", "load", "serviceLevel"));
        String name = top.required("name").string();
        long seed = top.required("seed").integer();
        Field zoneField = top.required("timeZone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneField.string());
        } catch (DateTimeException e) {
            throw zoneField.error("not a known time-zone id");
        }
        Field startField = top.required("start");
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(startField.string());
        } catch (DateTimeException e) {
            throw startField.error("expected a local date-time such as 2026-11-23T08:00");
        }
        long startMillis = start.atZone(zone).toInstant().toEpochMilli();
        long horizon = top.required("horizon").positiveDuration();

        List<QueueSettings> queues = queues(top.required("queues"), zone);
        Set<String> queueIds = new java.util.LinkedHashSet<>();
        queues.forEach(q -> queueIds.add(q.queueId()));
        List<Scenario.AgentSpec> agents = agents(top.required("agents"), queueIds);
        Scenario.Load load = load(top.required("load"), queues);
        Scenario.ServiceLevel serviceLevel = new Scenario.ServiceLevel(20_000, 0.8);
        Field sl = top.optional("serviceLevel");
        if (sl != null) {
            Mapping m = sl.mapping(Set.of("answerWithin", "target"));
            serviceLevel = new Scenario.ServiceLevel(
                    m.required("answerWithin").duration(), m.required("target").share());
        }
        return new Scenario(name, seed, start, zone, startMillis, horizon, queues, agents, load, serviceLevel);
    }

    private List<QueueSettings> queues(Field field, ZoneId zone) {
        List<Field> items = field.list();
        if (items.isEmpty()) {
            throw field.error("at least one queue is required");
        }
        List<QueueSettings> queues = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Field item : items) {
            Mapping m = item.mapping(Set.of(
                    "id",
                    "channels",
                    "hours",
                    "holidays",
                    "acceptTimeout",
                    "penaltyPositions",
                    "returnGrace",
                    "expireAtClose",
                    "priorityCredit"));
            Field idField = m.required("id");
            String id = idField.string();
            if (!ids.add(id)) {
                throw idField.error("queue '" + id + "' is defined twice");
            }
            QueueSettings q = QueueSettings.defaults(id, zone);
            Set<Channel> channels = EnumSet.of(Channel.CHAT);
            Field ch = m.optional("channels");
            if (ch != null) {
                channels = EnumSet.noneOf(Channel.class);
                List<Field> list = ch.list();
                if (list.isEmpty()) {
                    throw ch.error("at least one channel is required");
                }
                for (Field c : list) {
                    channels.add(channel(c));
                }
            }
            Map<String, String> hours = new LinkedHashMap<>();
            Field hoursField = m.optional("hours");
            if (hoursField == null) {
                hours.put("mon-fri", "08:00-21:00");
            } else {
                hoursField.mapping(null).entries.forEach((day, value) -> hours.put(day, value.string()));
            }
            List<String> holidays = new ArrayList<>();
            Field holidaysField = m.optional("holidays");
            if (holidaysField != null) {
                holidaysField.list().forEach(h -> holidays.add(h.string()));
            }
            BusinessCalendar calendar;
            try {
                calendar = BusinessCalendar.parse(zone.getId(), hours, holidays);
            } catch (IllegalArgumentException e) {
                throw (hoursField != null ? hoursField : item).error(e.getMessage());
            }
            long acceptTimeout = m.optional("acceptTimeout") == null
                    ? q.acceptTimeoutMillis()
                    : m.optional("acceptTimeout").positiveDuration();
            int penalty = m.optional("penaltyPositions") == null
                    ? q.penaltyPositions()
                    : m.optional("penaltyPositions").count(0);
            long grace = m.optional("returnGrace") == null
                    ? q.returnGraceMillis()
                    : m.optional("returnGrace").positiveDuration();
            boolean expireAtClose = m.optional("expireAtClose") != null
                    && m.optional("expireAtClose").bool();
            PriorityPolicy priority = m.optional("priorityCredit") == null
                    ? PriorityPolicy.defaults()
                    : new PriorityPolicy(
                            false, Map.of(1, m.optional("priorityCredit").duration()));
            queues.add(new QueueSettings(
                    id,
                    calendar,
                    channels,
                    acceptTimeout,
                    penalty,
                    grace,
                    expireAtClose,
                    priority,
                    q.defaultHandleMillis()));
        }
        return queues;
    }

    private Channel channel(Field f) {
        String s = f.string().toUpperCase(Locale.ROOT);
        for (Channel c : Channel.values()) {
            if (c.name().equals(s) && c.isRealTime()) {
                return c;
            }
        }
        throw f.error("expected one of chat, voice, video, got '" + f.string() + "'");
    }

    private List<Scenario.AgentSpec> agents(Field field, Set<String> queueIds) {
        List<Field> items = field.list();
        if (items.isEmpty()) {
            throw field.error("at least one agent is required");
        }
        List<Scenario.AgentSpec> agents = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Field item : items) {
            Mapping m = item.mapping(Set.of("id", "count", "prefix", "queues", "maxChats"));
            Map<String, Integer> skills = new LinkedHashMap<>();
            Field queuesField = m.required("queues");
            Mapping qm = queuesField.mapping(null);
            if (qm.entries.isEmpty()) {
                throw queuesField.error("an agent serves at least one queue");
            }
            qm.entries.forEach((queueId, level) -> {
                if (!queueIds.contains(queueId)) {
                    throw level.error("unknown queue '" + queueId + "'; queues are " + String.join(", ", queueIds));
                }
                skills.put(queueId, level.count(1));
            });
            int maxChats =
                    m.optional("maxChats") == null ? 4 : m.optional("maxChats").count(1);
            Field idField = m.optional("id");
            Field countField = m.optional("count");
            List<String> newIds = new ArrayList<>();
            if (idField != null && countField == null && m.optional("prefix") == null) {
                newIds.add(idField.string());
            } else if (idField == null && countField != null) {
                int count = countField.count(1);
                String prefix = m.optional("prefix") == null
                        ? "agent"
                        : m.optional("prefix").string();
                for (int i = 1; i <= count; i++) {
                    newIds.add(prefix + "-" + i);
                }
            } else {
                throw item.error("give either 'id', or 'count' (with an optional 'prefix')");
            }
            for (String id : newIds) {
                if (!ids.add(id)) {
                    throw (idField != null ? idField : countField).error("agent '" + id + "' is defined twice");
                }
                agents.add(new Scenario.AgentSpec(id, skills, maxChats));
            }
        }
        return agents;
    }

    private Scenario.Load load(Field field, List<QueueSettings> queues) {
        Mapping m = field.mapping(Set.of(
                "arrivalsPerHour",
                "handleTime",
                "patience",
                "acceptDelay",
                "neverAccepts",
                "channelMix",
                "queueMix",
                "priorityShare",
                "availableFor",
                "stepAway"));
        Field rateField = m.required("arrivalsPerHour");
        double rate = rateField.number();
        if (rate <= 0) {
            throw rateField.error("must be greater than zero, got " + rate);
        }
        Distribution handle = distribution(m.required("handleTime"));
        Distribution patience = m.optional("patience") == null ? null : distribution(m.optional("patience"));
        Distribution acceptDelay = m.optional("acceptDelay") == null
                ? new Distribution.Constant(10_000)
                : distribution(m.optional("acceptDelay"));
        double neverAccepts = m.optional("neverAccepts") == null
                ? 0
                : m.optional("neverAccepts").share();
        Map<Channel, Double> channelMix = new LinkedHashMap<>();
        Field chField = m.optional("channelMix");
        if (chField == null) {
            channelMix.put(Channel.CHAT, 1.0);
        } else {
            chField.mapping(null).entries.forEach((key, value) -> {
                Channel c = channel(new Field(value.path, keyNodeOf(chField, key)));
                channelMix.put(c, value.share());
            });
            requirePositiveTotal(chField, channelMix.values());
        }
        Map<String, Double> queueMix = new LinkedHashMap<>();
        Field qField = m.optional("queueMix");
        Map<String, QueueSettings> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.queueId(), q));
        if (qField == null) {
            queues.forEach(q -> queueMix.put(q.queueId(), 1.0 / queues.size()));
        } else {
            qField.mapping(null).entries.forEach((queueId, value) -> {
                if (!byId.containsKey(queueId)) {
                    throw value.error(
                            "unknown queue '" + queueId + "'; queues are " + String.join(", ", byId.keySet()));
                }
                queueMix.put(queueId, value.share());
            });
            requirePositiveTotal(qField, queueMix.values());
        }
        // Every queue that gets arrivals must take every channel that arrives.
        for (Map.Entry<String, Double> q : queueMix.entrySet()) {
            for (Map.Entry<Channel, Double> c : channelMix.entrySet()) {
                if (q.getValue() > 0
                        && c.getValue() > 0
                        && !byId.get(q.getKey()).channels().contains(c.getKey())) {
                    throw (chField != null ? chField : field)
                            .error("queue '" + q.getKey() + "' does not take "
                                    + c.getKey().name().toLowerCase(Locale.ROOT)
                                    + "; add it to the queue's channels or to no arrivals");
                }
            }
        }
        double priorityShare = m.optional("priorityShare") == null
                ? 0
                : m.optional("priorityShare").share();
        Distribution availableFor =
                m.optional("availableFor") == null ? null : distribution(m.optional("availableFor"));
        Scenario.StepAway stepAway = null;
        Field sa = m.optional("stepAway");
        if (sa != null) {
            Mapping s = sa.mapping(Set.of("share", "after", "duration"));
            stepAway = new Scenario.StepAway(
                    s.required("share").share(),
                    distribution(s.required("after")),
                    distribution(s.required("duration")));
        }
        return new Scenario.Load(
                rate,
                handle,
                patience,
                acceptDelay,
                neverAccepts,
                channelMix,
                queueMix,
                priorityShare,
                availableFor,
                stepAway);
    }

    private static Node keyNodeOf(Field mapping, String key) {
        for (NodeTuple t : ((MappingNode) mapping.node).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().strip().equals(key)) {
                return t.getKeyNode();
            }
        }
        throw new IllegalStateException("no key " + key);
    }

    private static void requirePositiveTotal(Field field, Iterable<Double> shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        if (total <= 0) {
            throw field.error("the shares must add up to more than zero");
        }
    }

    private Distribution distribution(Field field) {
        Mapping m = field.mapping(Set.of("exponential", "lognormal", "constant"));
        if (m.entries.size() != 1) {
            throw field.error("give exactly one of exponential, lognormal, constant");
        }
        Map.Entry<String, Field> only = m.entries.entrySet().iterator().next();
        Field value = only.getValue();
        return switch (only.getKey()) {
            case "exponential" -> new Distribution.Exponential(value.positiveDuration());
            case "constant" -> new Distribution.Constant(value.duration());
            default -> {
                Mapping ln = value.mapping(Set.of("mean", "sd"));
                yield new Distribution.LogNormal(
                        ln.required("mean").positiveDuration(),
                        ln.required("sd").duration());
            }
        };
    }
}
