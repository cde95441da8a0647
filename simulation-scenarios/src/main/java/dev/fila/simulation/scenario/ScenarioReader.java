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
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
    /** The folder that files named in the scenario (traces, staffing) are relative to. */
    private final Path baseDir;
    /** The scenario's time zone, once read (the zone of the load and staffing files it names). */
    private ZoneId zone;
    /** The trace's arrivals, when the load replays one (null for a generated load). */
    private TraceFiles.Counts traceCounts;

    private ScenarioReader(String file, Path baseDir) {
        this.file = file;
        this.baseDir = baseDir;
    }

    /** Reads a scenario file; files it names are relative to its folder. */
    public static Scenario read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(name, 1, "", "cannot read the file: " + e.getMessage());
        }
        Path parent = path.getParent();
        return read(name, text, parent == null ? Path.of("") : parent);
    }

    /**
     * Reads {@code text} as if from {@code fileName} (which only appears in messages); files it names
     * are relative to the working directory.
     */
    public static Scenario read(String fileName, String text) {
        return read(fileName, text, Path.of(""));
    }

    /** Reads {@code text} as if from {@code fileName}; files it names are relative to {@code baseDir}. */
    public static Scenario read(String fileName, String text, Path baseDir) {
        return new ScenarioReader(fileName, baseDir).parse(new StringReader(text));
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
                        "name",
                        "seed",
                        "start",
                        "horizon",
                        "timeZone",
                        "intervals",
                        "replications",
                        "warmup",
                        "queues",
                        "agents",
                        "staffing",
                        "shifts",
                        "load",
                        "serviceLevel"));
        String name = top.required("name").string();
        long seed = top.required("seed").integer();
        Field zoneField = top.required("timeZone");
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
        long interval = top.optional("intervals") == null
                ? Scenario.DEFAULT_INTERVAL_MILLIS
                : top.optional("intervals").positiveDuration();
        int replications = top.optional("replications") == null
                ? 1
                : top.optional("replications").count(1);
        long warmup = 0;
        Field warmupField = top.optional("warmup");
        if (warmupField != null) {
            warmup = warmupField.duration();
            if (warmup >= horizon) {
                throw warmupField.error("the warm-up must end before the horizon");
            }
        }
        Timeline timeline = new Timeline(zone, startMillis, horizon, interval);

        List<QueueSettings> queues = queues(top.required("queues"), zone);
        Set<String> queueIds = new java.util.LinkedHashSet<>();
        queues.forEach(q -> queueIds.add(q.queueId()));
        Field agentsField = top.optional("agents");
        Field staffingField = top.optional("staffing");
        Field shiftsField = top.optional("shifts");
        if (agentsField == null && staffingField == null && shiftsField == null) {
            throw new ScenarioException(file, 1, "agents", "is required (or 'staffing' or 'shifts')");
        }
        Staffing staffing = new Staffing(timeline);
        if (agentsField != null) {
            agents(agentsField, queueIds, staffing);
        }
        if (staffingField != null) {
            staffingPlans(staffingField, queueIds, staffing);
        }
        if (shiftsField != null) {
            shifts(shiftsField, queueIds, staffing);
        }
        Scenario.Load load = load(top.required("load"), queues, timeline);
        staffing.requireCover(
                queues, load.queueMix(), traceCounts, agentsField != null ? agentsField : new Field("agents", root));
        Scenario.ServiceLevel serviceLevel = new Scenario.ServiceLevel(20_000, 0.8);
        Field sl = top.optional("serviceLevel");
        if (sl != null) {
            Mapping m = sl.mapping(Set.of("answerWithin", "target", "maxAbandonment"));
            serviceLevel = new Scenario.ServiceLevel(
                    m.required("answerWithin").duration(),
                    m.required("target").share(),
                    m.optional("maxAbandonment") == null
                            ? Scenario.ServiceLevel.NO_ABANDONMENT_CEILING
                            : m.optional("maxAbandonment").share());
        }
        return new Scenario(
                name,
                seed,
                start,
                zone,
                startMillis,
                horizon,
                queues,
                staffing.agents(),
                load,
                serviceLevel,
                interval,
                replications,
                warmup);
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

    private void agents(Field field, Set<String> queueIds, Staffing staffing) {
        List<Field> items = field.list();
        if (items.isEmpty()) {
            throw field.error("at least one agent is required");
        }
        for (Field item : items) {
            Mapping m = item.mapping(Set.of("id", "count", "prefix", "queues", "maxChats"));
            Map<String, Integer> skills = skills(m.required("queues"), queueIds);
            int maxChats =
                    m.optional("maxChats") == null ? 4 : m.optional("maxChats").count(1);
            Field idField = m.optional("id");
            Field countField = m.optional("count");
            if (idField != null && countField == null && m.optional("prefix") == null) {
                staffing.add(idField.string(), skills, maxChats, null, idField);
            } else if (idField == null && countField != null) {
                int count = countField.count(1);
                String prefix = m.optional("prefix") == null
                        ? "agent"
                        : m.optional("prefix").string();
                List<String> ids = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    ids.add(prefix + "-" + i);
                    staffing.add(prefix + "-" + i, skills, maxChats, null, countField);
                }
                staffing.groups.put(prefix, ids);
            } else {
                throw item.error("give either 'id', or 'count' (with an optional 'prefix')");
            }
        }
    }

    private Map<String, Integer> skills(Field queuesField, Set<String> queueIds) {
        Map<String, Integer> skills = new LinkedHashMap<>();
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
        return skills;
    }

    /**
     * {@code staffing: {queue-or-group: plan}}: how many agents are online in each interval. A plan is
     * a number (all the time), a list (one count per interval from the start) or a map of step changes
     * by time of day ({@code "08:00": 5, "12:00": 8}, repeating every day); {@code {plan: …, maxChats: N}}
     * sets the agents' chat limit. A key naming a queue creates agents {@code <queue>-1, <queue>-2, …}
     * serving it; a key naming a group of {@code agents} (its prefix) says how many of that group are
     * online: {@code <prefix>-1} first.
     */
    private void staffingPlans(Field field, Set<String> queueIds, Staffing staffing) {
        Mapping plans = field.mapping(null);
        if (plans.entries.isEmpty()) {
            throw field.error("give at least one queue or group");
        }
        if (plans.entries.containsKey("file")) {
            recordedStaffing(field, queueIds, staffing);
            return;
        }
        for (Map.Entry<String, Field> entry : plans.entries.entrySet()) {
            String key = entry.getKey();
            Field value = entry.getValue();
            Field planField = value;
            int maxChats = 4;
            if (value.node instanceof MappingNode mn
                    && mn.getValue().stream()
                            .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                                    && k.getValue().equals("plan"))) {
                Mapping m = value.mapping(Set.of("plan", "maxChats"));
                planField = m.required("plan");
                maxChats = m.optional("maxChats") == null
                        ? 4
                        : m.optional("maxChats").count(1);
            }
            double[] raw = perInterval(planField, staffing.timeline, "a number of agents");
            int[] counts = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] != Math.rint(raw[i])) {
                    throw planField.error("a number of agents must be a whole number, got " + raw[i]);
                }
                counts[i] = (int) raw[i];
            }
            int most = 0;
            for (int c : counts) {
                most = Math.max(most, c);
            }
            List<String> group = staffing.groups.get(key);
            if (group != null) {
                if (most > group.size()) {
                    throw planField.error("the plan puts " + most + " agents of group '" + key
                            + "' online but the group has " + group.size());
                }
                for (int k = 0; k < group.size(); k++) {
                    staffing.setWindows(group.get(k), staffing.timeline.windows(counts, k + 1));
                }
                staffing.skillsOf(group.get(0)).keySet().forEach(q -> staffing.responsible.put(q, value));
            } else if (queueIds.contains(key)) {
                for (int k = 1; k <= most; k++) {
                    staffing.add(key + "-" + k, Map.of(key, 1), maxChats, staffing.timeline.windows(counts, k), value);
                }
                staffing.responsible.put(key, value);
            } else {
                throw new ScenarioException(
                        file,
                        value.line(),
                        value.path,
                        "unknown queue or agent group '" + key + "'; queues are " + String.join(", ", queueIds)
                                + (staffing.groups.isEmpty()
                                        ? ""
                                        : "; groups are " + String.join(", ", staffing.groups.keySet())));
            }
        }
    }

    /**
     * {@code staffing: {file: STAFF.csv, column: agents|agents_distinct|agents_busy, maxChats: N}}: the
     * recorded staffing of {@code fila import … --staffing}, rounded to whole agents per interval
     * ({@link StaffingFile}); creates agents {@code <queue>-1, <queue>-2, …} as a per-queue plan does.
     */
    private void recordedStaffing(Field field, Set<String> queueIds, Staffing staffing) {
        Mapping m = field.mapping(Set.of("file", "column", "maxChats", "allowUnstaffed"));
        Field fileField = m.required("file");
        Path path = existingFile(fileField);
        String column = "agents";
        Field columnField = m.optional("column");
        if (columnField != null) {
            column = columnField.string();
            if (!StaffingFile.COUNT_COLUMNS.contains(column)) {
                throw columnField.error(
                        "expected one of " + String.join(", ", StaffingFile.COUNT_COLUMNS) + ", got '" + column + "'");
            }
        }
        int maxChats =
                m.optional("maxChats") == null ? 4 : m.optional("maxChats").count(1);
        Timeline t = staffing.timeline;
        StaffingFile recorded = StaffingFile.read(
                path,
                path.toString(),
                column,
                zone,
                t.startMillis,
                t.endMillis - t.startMillis,
                t.intervalMillis,
                queueIds);
        for (Scenario.AgentSpec a : recorded.agents(maxChats)) {
            staffing.add(a.id(), a.skills(), a.maxChats(), a.online(), fileField);
        }
        recorded.queues().forEach(q -> staffing.responsible.put(q, fileField));
        recorded.queues().forEach(staffing.recordedQueues::add);
        if (m.optional("allowUnstaffed") != null && m.optional("allowUnstaffed").bool()) {
            // A record that shows nobody while calls arrived (an outage, a gap in the log) is a fact to
            // replay, not a planning mistake: opted into, never assumed.
            recorded.queues().forEach(staffing.allowUnstaffed::add);
        }
    }

    /** A file named in the scenario, relative to the scenario's folder; refused when it does not exist. */
    private Path existingFile(Field f) {
        Path path = baseDir.resolve(f.string()).normalize();
        if (!Files.isRegularFile(path)) {
            throw f.error("no such file: " + path + " (files are relative to the scenario file's folder)");
        }
        return path;
    }

    /**
     * {@code shifts: [{count, prefix, queues, maxChats, from, to, days}]}: agents online from {@code from}
     * to {@code to} (local time; a shift ending at or before it starts ends the next day) on the given
     * days ({@code mon-fri}, {@code [mon, wed, sat-sun]}; default every day).
     */
    private void shifts(Field field, Set<String> queueIds, Staffing staffing) {
        List<Field> items = field.list();
        if (items.isEmpty()) {
            throw field.error("at least one shift is required");
        }
        for (int index = 0; index < items.size(); index++) {
            Field item = items.get(index);
            Mapping m = item.mapping(Set.of("count", "prefix", "queues", "maxChats", "from", "to", "days"));
            int count = m.required("count").count(1);
            String prefix = m.optional("prefix") == null
                    ? "shift" + (index + 1)
                    : m.optional("prefix").string();
            Map<String, Integer> skills = skills(m.required("queues"), queueIds);
            int maxChats =
                    m.optional("maxChats") == null ? 4 : m.optional("maxChats").count(1);
            LocalTime from = timeOfDay(m.required("from"));
            LocalTime to = timeOfDay(m.required("to"));
            Set<DayOfWeek> days =
                    m.optional("days") == null ? EnumSet.allOf(DayOfWeek.class) : days(m.optional("days"));
            List<Scenario.OnlineWindow> windows = staffing.timeline.shiftWindows(from, to, days);
            List<String> ids = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                ids.add(prefix + "-" + k);
                staffing.add(prefix + "-" + k, skills, maxChats, windows, m.required("count"));
            }
            staffing.groups.put(prefix, ids);
            skills.keySet().forEach(q -> staffing.responsible.putIfAbsent(q, field));
        }
    }

    private LocalTime timeOfDay(Field f) {
        String s = f.string();
        try {
            return LocalTime.parse(s);
        } catch (DateTimeException e) {
            throw f.error("expected a time of day such as 08:00, got '" + s + "'");
        }
    }

    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private Set<DayOfWeek> days(Field f) {
        List<String> tokens = new ArrayList<>();
        if (f.node instanceof SequenceNode) {
            f.list().forEach(item -> tokens.add(item.string()));
        } else {
            for (String t : f.string().split(",")) {
                tokens.add(t.strip());
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String token : tokens) {
            String[] range = token.toLowerCase(Locale.ROOT).split("-", -1);
            int a = DAY_NAMES.indexOf(range[0].strip());
            int b = range.length == 2 ? DAY_NAMES.indexOf(range[1].strip()) : a;
            if (range.length > 2 || a < 0 || b < 0) {
                throw f.error("expected days such as mon-fri or [mon, wed], got '" + token + "'");
            }
            for (int d = a; ; d = (d + 1) % 7) {
                days.add(DayOfWeek.of(d + 1));
                if (d == b) {
                    break;
                }
            }
        }
        return days;
    }

    /**
     * A value per reporting interval: a number (every interval), a list (one per interval from the
     * start, exactly as many as the horizon has) or a map of step changes by local time of day, which
     * repeats every day (before the first step of a day the day's last step holds).
     */
    private double[] perInterval(Field f, Timeline timeline, String what) {
        int n = timeline.count();
        double[] values = new double[n];
        if (f.node instanceof ScalarNode) {
            double v = nonNegative(f, what);
            java.util.Arrays.fill(values, v);
        } else if (f.node instanceof SequenceNode) {
            List<Field> items = f.list();
            if (items.size() != n) {
                throw f.error("gives " + items.size() + " values but the horizon has " + n + " intervals of "
                        + timeline.intervalMillis / 60_000 + " min");
            }
            for (int i = 0; i < n; i++) {
                values[i] = nonNegative(items.get(i), what);
            }
        } else {
            Mapping m = f.mapping(null);
            if (m.entries.isEmpty()) {
                throw f.error("give at least one step such as \"08:00\": 5");
            }
            java.util.TreeMap<LocalTime, Double> steps = new java.util.TreeMap<>();
            m.entries.forEach((key, value) -> {
                LocalTime at = timeOfDay(new Field(value.path, keyNodeOf(f, key)));
                steps.put(at, nonNegative(value, what));
            });
            for (int i = 0; i < n; i++) {
                LocalTime t = timeline.localTime(timeline.intervalStart(i));
                Map.Entry<LocalTime, Double> step = steps.floorEntry(t);
                values[i] = (step != null ? step : steps.lastEntry()).getValue();
            }
        }
        return values;
    }

    private static double nonNegative(Field f, String what) {
        double v = f.number();
        if (v < 0) {
            throw f.error(what + " must not be negative, got " + v);
        }
        return v;
    }

    /** The run's clock: its start, horizon and reporting intervals, in the scenario's zone. */
    private static final class Timeline {
        final ZoneId zone;
        final long startMillis;
        final long endMillis;
        final long intervalMillis;

        Timeline(ZoneId zone, long startMillis, long horizonMillis, long intervalMillis) {
            this.zone = zone;
            this.startMillis = startMillis;
            this.endMillis = startMillis + horizonMillis;
            this.intervalMillis = intervalMillis;
        }

        int count() {
            return (int) ((endMillis - startMillis + intervalMillis - 1) / intervalMillis);
        }

        long intervalStart(int i) {
            return startMillis + i * intervalMillis;
        }

        long intervalEnd(int i) {
            return Math.min(endMillis, intervalStart(i + 1));
        }

        LocalTime localTime(long millis) {
            return java.time.Instant.ofEpochMilli(millis).atZone(zone).toLocalTime();
        }

        String describe(int i) {
            return java.time.Instant.ofEpochMilli(intervalStart(i)).atZone(zone).toLocalDateTime()
                    + "–"
                    + localTime(intervalEnd(i));
        }

        /** The windows in which the k-th agent (1-based) is online: the intervals whose count is at least k. */
        List<Scenario.OnlineWindow> windows(int[] counts, int k) {
            List<Scenario.OnlineWindow> windows = new ArrayList<>();
            int i = 0;
            while (i < counts.length) {
                if (counts[i] < k) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < counts.length && counts[j] >= k) {
                    j++;
                }
                windows.add(new Scenario.OnlineWindow(intervalStart(i), intervalEnd(j - 1)));
                i = j;
            }
            return windows;
        }

        List<Scenario.OnlineWindow> shiftWindows(LocalTime from, LocalTime to, Set<DayOfWeek> days) {
            List<Scenario.OnlineWindow> windows = new ArrayList<>();
            java.time.LocalDate first = java.time.Instant.ofEpochMilli(startMillis)
                    .atZone(zone)
                    .toLocalDate()
                    .minusDays(1);
            java.time.LocalDate last =
                    java.time.Instant.ofEpochMilli(endMillis).atZone(zone).toLocalDate();
            for (java.time.LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (!days.contains(d.getDayOfWeek())) {
                    continue;
                }
                long a = d.atTime(from).atZone(zone).toInstant().toEpochMilli();
                java.time.LocalDate endDay = to.isAfter(from) ? d : d.plusDays(1);
                long b = endDay.atTime(to).atZone(zone).toInstant().toEpochMilli();
                a = Math.max(a, startMillis);
                b = Math.min(b, endMillis);
                if (b > a) {
                    windows.add(new Scenario.OnlineWindow(a, b));
                }
            }
            return windows;
        }
    }

    /** The agents as they are read, in file order, with where each came from (for messages). */
    private final class Staffing {
        final Timeline timeline;
        final Map<String, Scenario.AgentSpec> agents = new LinkedHashMap<>();
        final Map<String, List<String>> groups = new LinkedHashMap<>();
        /** Per queue, the field whose plan decides who serves it (for the no-agent refusal). */
        final Map<String, Field> responsible = new LinkedHashMap<>();

        Staffing(Timeline timeline) {
            this.timeline = timeline;
        }

        /** {@code windows} null: online all the time. */
        void add(String id, Map<String, Integer> skills, int maxChats, List<Scenario.OnlineWindow> windows, Field at) {
            if (agents.containsKey(id)) {
                throw at.error("agent '" + id + "' is defined twice");
            }
            agents.put(id, new Scenario.AgentSpec(id, skills, maxChats, windows == null ? List.of() : windows));
            if (windows != null && windows.isEmpty()) {
                neverOnline.add(id);
            }
        }

        void setWindows(String id, List<Scenario.OnlineWindow> windows) {
            Scenario.AgentSpec a = agents.get(id);
            agents.put(id, new Scenario.AgentSpec(id, a.skills(), a.maxChats(), windows));
            if (windows.isEmpty()) {
                neverOnline.add(id);
            } else {
                neverOnline.remove(id);
            }
        }

        Map<String, Integer> skillsOf(String id) {
            return agents.get(id).skills();
        }

        /** Agents never online in the horizon (a plan of zeros) are left out: an empty window list means always. */
        List<Scenario.AgentSpec> agents() {
            return agents.values().stream()
                    .filter(a -> !neverOnline.contains(a.id()))
                    .toList();
        }

        final Set<String> neverOnline = new java.util.HashSet<>();

        /** Queues staffed from a recorded staffing file. */
        final Set<String> recordedQueues = new java.util.HashSet<>();

        /** Queues whose recorded staffing may leave an open interval with nobody ({@code allowUnstaffed}). */
        final Set<String> allowUnstaffed = new java.util.HashSet<>();

        /**
         * The bad input: a plan that leaves an interval with no agents while the queue is open.
         * With a trace ({@code traceCounts} not null) only the intervals in which the trace has arrivals
         * for the queue need an agent: a recorded month has days without a call (the log's gaps), in
         * which the recorded staffing is rightly nobody. A recorded staffing with {@code allowUnstaffed}
         * may leave an interval with calls uncovered too (the record's outage, replayed as recorded).
         */
        void requireCover(
                List<QueueSettings> queues,
                Map<String, Double> queueMix,
                TraceFiles.Counts traceCounts,
                Field fallback) {
            for (QueueSettings q : queues) {
                if (queueMix.getOrDefault(q.queueId(), 0.0) <= 0) {
                    continue;
                }
                for (int i = 0; i < timeline.count(); i++) {
                    if (traceCounts != null && !traceCounts.arrivalsIn(q.queueId(), i)) {
                        continue;
                    }
                    long s = timeline.intervalStart(i);
                    long e = timeline.intervalEnd(i);
                    boolean open = q.calendar().isOpen(s) || q.calendar().nextOpening(s) < e;
                    if (open && !covered(q.queueId(), s, e) && !allowUnstaffed.contains(q.queueId())) {
                        Field at = responsible.getOrDefault(q.queueId(), fallback);
                        throw at.error("leaves queue '" + q.queueId() + "' open with no agent online in interval "
                                + (i + 1) + " (" + timeline.describe(i) + ")"
                                + (recordedQueues.contains(q.queueId())
                                        ? "; if the record is right (an outage), set staffing.allowUnstaffed: true to"
                                                + " replay it as recorded"
                                        : ""));
                    }
                }
            }
        }

        private boolean covered(String queueId, long s, long e) {
            for (Scenario.AgentSpec a : agents.values()) {
                if (!a.skills().containsKey(queueId) || neverOnline.contains(a.id())) {
                    continue;
                }
                if (a.alwaysOnline()) {
                    return true;
                }
                for (Scenario.OnlineWindow w : a.online()) {
                    if (w.fromMillis() < e && s < w.toMillis()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private Scenario.Load load(Field field, List<QueueSettings> queues, Timeline timeline) {
        Mapping m = field.mapping(Set.of(
                "trace",
                "renewShare",
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
        Field traceField = m.optional("trace");
        if (traceField != null) {
            return traceLoad(field, m, traceField, queues, timeline);
        }
        Field rateField = m.required("arrivalsPerHour");
        double rate;
        List<Double> rates = new ArrayList<>();
        if (rateField.node instanceof ScalarNode) {
            rate = rateField.number();
            if (rate <= 0) {
                throw rateField.error("must be greater than zero, got " + rate);
            }
        } else {
            double[] perInterval = perInterval(rateField, timeline, "an arrival rate");
            double weighted = 0;
            for (int i = 0; i < perInterval.length; i++) {
                rates.add(perInterval[i]);
                weighted += perInterval[i] * (timeline.intervalEnd(i) - timeline.intervalStart(i));
            }
            rate = weighted / (timeline.endMillis - timeline.startMillis);
            if (rate <= 0) {
                throw rateField.error("the rates must not all be zero");
            }
        }
        Behaviour b = behaviour(m);
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
        return new Scenario.Load(
                rate,
                b.handle,
                b.patience,
                b.acceptDelay,
                b.neverAccepts,
                channelMix,
                queueMix,
                priorityShare,
                b.availableFor,
                b.stepAway,
                rates,
                b.renewShare,
                null);
    }

    /** The customer behaviour keys, shared by generated and recorded loads. */
    private record Behaviour(
            Distribution handle,
            Distribution patience,
            Distribution acceptDelay,
            double neverAccepts,
            Distribution availableFor,
            Scenario.StepAway stepAway,
            double renewShare) {}

    private Behaviour behaviour(Mapping m) {
        Distribution handle = distribution(m.required("handleTime"));
        Distribution patience = m.optional("patience") == null ? null : distribution(m.optional("patience"));
        Distribution acceptDelay = m.optional("acceptDelay") == null
                ? new Distribution.Constant(10_000)
                : distribution(m.optional("acceptDelay"));
        double neverAccepts = m.optional("neverAccepts") == null
                ? 0
                : m.optional("neverAccepts").share();
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
        double renewShare =
                m.optional("renewShare") == null ? 0 : m.optional("renewShare").share();
        return new Behaviour(handle, patience, acceptDelay, neverAccepts, availableFor, stepAway, renewShare);
    }

    /**
     * {@code load: {trace: LOAD.csv, handleTime: …, patience: …, …}}: replays a recorded load. The trace
     * is read whole now (streamed), so a bad row refuses the scenario before anything runs; its rows
     * within the horizon give the rates per interval and the queue and channel mixes (for Erlang and the
     * reports). The keys that generate arrivals ({@code arrivalsPerHour}, {@code queueMix},
     * {@code channelMix}, {@code priorityShare}) do not apply and are refused.
     */
    private Scenario.Load traceLoad(
            Field field, Mapping m, Field traceField, List<QueueSettings> queues, Timeline timeline) {
        for (String generated : List.of("arrivalsPerHour", "queueMix", "channelMix", "priorityShare")) {
            Field f = m.optional(generated);
            if (f != null) {
                throw f.error("does not apply to a trace: the trace gives the arrivals, queues, channels and"
                        + " priorities");
            }
        }
        Path path = existingFile(traceField);
        TraceFiles.Counts counts = TraceFiles.count(
                path,
                path.toString(),
                zone,
                queues,
                timeline.startMillis,
                timeline.endMillis - timeline.startMillis,
                timeline.intervalMillis);
        if (counts.total() == 0) {
            throw traceField.error("the trace " + path + " has no arrival within the horizon");
        }
        traceCounts = counts;
        Behaviour b = behaviour(m);
        int n = timeline.count();
        List<Double> rates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long c = 0;
            for (long[] q : counts.perQueueInterval().values()) {
                c += q[i];
            }
            rates.add(c * 3_600_000.0 / (timeline.intervalEnd(i) - timeline.intervalStart(i)));
        }
        Map<String, Double> queueMix = new LinkedHashMap<>();
        counts.perQueueInterval().forEach((q, c) -> {
            long sum = 0;
            for (long v : c) {
                sum += v;
            }
            queueMix.put(q, (double) sum / counts.total());
        });
        Map<Channel, Double> channelMix = new LinkedHashMap<>();
        counts.perChannel().forEach((c, v) -> channelMix.put(c, (double) v / counts.total()));
        double rate = counts.total() * 3_600_000.0 / (timeline.endMillis - timeline.startMillis);
        return new Scenario.Load(
                rate,
                b.handle,
                b.patience,
                b.acceptDelay,
                b.neverAccepts,
                channelMix,
                queueMix,
                0,
                b.availableFor,
                b.stepAway,
                rates,
                b.renewShare,
                new Scenario.Trace(path, counts.total()));
    }

    /** {@code {fit: lognormal|exponential|empirical, from: LOAD.csv}}: fitted to the trace's handle times. */
    private Distribution fitted(Field field, Mapping m) {
        if (m.entries.size() != 2 || !m.entries.containsKey("fit") || !m.entries.containsKey("from")) {
            throw field.error("a fitted distribution is {fit: lognormal|exponential|empirical, from: FILE}");
        }
        Field kindField = m.required("fit");
        String kind = kindField.string();
        if (!List.of("lognormal", "exponential", "empirical").contains(kind)) {
            throw kindField.error("expected lognormal, exponential or empirical, got '" + kind + "'");
        }
        Path path = existingFile(m.required("from"));
        return TraceFiles.fitHandle(kind, path, path.toString(), zone);
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
        Mapping m = field.mapping(Set.of("exponential", "lognormal", "constant", "fit", "from", "kaplanMeier"));
        if (m.entries.containsKey("fit") || m.entries.containsKey("from")) {
            return fitted(field, m);
        }
        if (m.entries.size() != 1) {
            throw field.error("give exactly one of exponential, lognormal, constant, kaplanMeier, or fit with from");
        }
        Map.Entry<String, Field> only = m.entries.entrySet().iterator().next();
        Field value = only.getValue();
        return switch (only.getKey()) {
            case "exponential" -> new Distribution.Exponential(value.positiveDuration());
            case "constant" -> new Distribution.Constant(value.duration());
            case "kaplanMeier" -> {
                Path path = existingFile(value);
                yield TraceFiles.kaplanMeier(path, path.toString(), zone);
            }
            default -> {
                Mapping ln = value.mapping(Set.of("mean", "sd"));
                yield new Distribution.LogNormal(
                        ln.required("mean").positiveDuration(),
                        ln.required("sd").duration());
            }
        };
    }
}
