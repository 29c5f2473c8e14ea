package org.switchboard.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sentence of an entry, made of its facts when read (message keys {@code audit.text.<KIND>...}): dates as the
 * reader writes them, absence types and trade kinds in the reader's language, the changed fields of master data
 * with their values before and after.
 */
final class AuditTexts {

    /** Fields left out of a change's list: bookkeeping, not content. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "version");
    private static final int LONGEST_VALUE = 80;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditTexts() {}

    static Text text(AuditEntry e) {
        Map<String, Object> f = e.facts();
        String key = "audit.text." + e.kind().name();
        return switch (e.kind()) {
            case ROSTER_PUBLISHED -> Text.of(key + (flag(f, "forced") ? ".forced" : ""), e.subjectId(), date(f, "from"),
                    date(f, "to"), number(f, "operators"), number(f, "superseded"));
            case ROSTER_EDITED -> Text.of(key + (flag(f, "forced") ? ".forced" : ""), e.subjectId(), person(f, ""),
                    date(f, "date"), shift(e.before()), shift(e.after()));
            case ABSENCE_APPROVED -> Text.of(key + (flag(f, "auto") ? ".auto" : ""), person(f, ""), absenceType(f),
                    period(f));
            case ABSENCE_REJECTED -> Text.of(key, person(f, ""), absenceType(f), period(f), string(f, "reason"));
            case SWAP_APPLIED -> Text.of(key + (flag(f, "auto") ? ".auto" : ""), e.subjectId(), swapKind(f), moves(f));
            case SWAP_REJECTED -> Text.of(key, e.subjectId(), swapKind(f), date(f, "date"), string(f, "reason"));
            case SHIFT_SUBSTITUTED -> Text.of(key + (f.get("absentEmployeeNumber") == null ? ".added" : ""),
                    person(f, ""), date(f, "date"), string(f, "start"), string(f, "end"), queue(f),
                    person(f, "absent"), e.subjectId());
            case OPEN_SHIFT_ADDED -> Text.of(key, string(f, "rosterId"), date(f, "date"), string(f, "template"),
                    string(f, "start"), string(f, "end"), queue(f));
            case OPERATOR_CHANGED, TEAM_CHANGED, CONTRACT_CHANGED, QUEUE_CHANGED, USER_CHANGED -> change(e, key);
            case USER_UNLOCKED, PASSWORD_RESET, PASSWORD_CHANGED -> Text.of(key, e.subjectId());
            case SIGN_IN_FAILED -> flag(f, "unknownUser") ? Text.of(key + ".unknown", e.subjectId())
                    : Text.of(key, e.subjectId(), number(f, "failures"));
            case ACCOUNT_LOCKED -> Text.of(key, e.subjectId(), number(f, "failures"), number(f, "minutes"));
        };
    }

    /** Created, deleted, or changed with each changed field: "name: Aurora → Aurora (day)". */
    private static Text change(AuditEntry e, String key) {
        String label = string(e.facts(), "label");
        if (label.isEmpty()) {
            label = e.subjectId();
        }
        if (e.before() == null) {
            return Text.of(key + ".created", label);
        }
        if (e.after() == null) {
            return Text.of(key + ".deleted", label);
        }
        List<String> changes = changes(e.before(), e.after());
        return changes.isEmpty() ? Text.of(key + ".saved", label)
                : Text.of(key + ".changed", label, String.join("; ", changes));
    }

    /** The fields whose values differ, by name, with both values. */
    static List<String> changes(Map<String, Object> before, Map<String, Object> after) {
        Set<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String field : fields) {
            if (BOOKKEEPING.contains(field) || Objects.equals(before.get(field), after.get(field))) {
                continue;
            }
            out.add(field + ": " + value(before.get(field)) + " → " + value(after.get(field)));
        }
        return out;
    }

    private static String value(Object v) {
        String s = v == null ? "—" : v instanceof String text ? text : JSON.writeValueAsString(v);
        return s.length() > LONGEST_VALUE ? s.substring(0, LONGEST_VALUE - 1) + "…" : s;
    }

    /** A day of a roster: the shift ("D07 08:00–16:00, queue RU-GEN") or a day off. */
    private static Text shift(Map<String, Object> s) {
        if (s == null || flag(s, "dayOff") || s.get("template") == null) {
            return Text.of("audit.dayOff");
        }
        String queue = string(s, "queue");
        return queue.isEmpty() ? Text.of("audit.shift", string(s, "template"), string(s, "start"), string(s, "end"))
                : Text.of("audit.shift.queue", string(s, "template"), string(s, "start"), string(s, "end"), queue);
    }

    /** The trade's moves: "E1001 Anna Ivanova → E1003 Vera Orlova on 2027-03-10; …". */
    private static Text moves(Map<String, Object> f) {
        List<Text> parts = new ArrayList<>();
        if (f.get("moves") instanceof List<?> moves) {
            for (Object m : moves) {
                if (m instanceof Map<?, ?> move) {
                    Object from = move.get("from");
                    parts.add(Text.of(from == null ? "audit.move.open" : "audit.move", from == null ? "" : from,
                            String.valueOf(move.get("to")), date(move.get("date"))));
                }
            }
        }
        if (parts.isEmpty()) {
            return Text.literal("");
        }
        Text joined = parts.getFirst();
        for (Text t : parts.subList(1, parts.size())) {
            joined = Text.of("audit.and", joined, t);
        }
        return joined;
    }

    /** "E1001 Anna Ivanova" from {@code <prefix>EmployeeNumber} and {@code <prefix>Name}. */
    private static String person(Map<String, Object> f, String prefix) {
        String number = string(f, prefix.isEmpty() ? "employeeNumber" : prefix + "EmployeeNumber");
        String name = string(f, prefix.isEmpty() ? "operatorName" : prefix + "Name");
        return (number + " " + name).trim();
    }

    private static Text queue(Map<String, Object> f) {
        String q = string(f, "queue");
        return q.isEmpty() ? Text.literal("") : Text.of("audit.queue", q);
    }

    private static Text absenceType(Map<String, Object> f) {
        String key = "absence.type." + string(f, "type");
        return Texts.has(key) ? Text.of(key) : Text.literal(string(f, "type"));
    }

    private static Text swapKind(Map<String, Object> f) {
        String key = "swap.kind." + string(f, "swapKind");
        return Texts.has(key) ? Text.of(key) : Text.literal(string(f, "swapKind"));
    }

    /** "10.03.2027 – 14.03.2027", or the one date. */
    private static Text period(Map<String, Object> f) {
        Object from = date(f, "from");
        Object to = date(f, "to");
        return to == null || to.equals(from) ? Text.of("audit.day", from) : Text.of("audit.period", from, to);
    }

    /** A date fact as a date (rendered as the reader writes dates), or as it is stored when it is not one. */
    private static Object date(Map<String, Object> f, String key) {
        return date(f.get(key));
    }

    private static Object date(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.toString());
        } catch (DateTimeParseException e) {
            return v.toString();
        }
    }

    private static String number(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v == null ? "0" : v.toString();
    }

    private static String string(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v == null ? "" : v.toString();
    }

    private static boolean flag(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }
}
