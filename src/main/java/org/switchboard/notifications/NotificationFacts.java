package org.switchboard.notifications;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;

/**
 * The facts a notification stores (keys of its JSON {@code args}) and its sentence made of them when read: a message
 * key of the notifications area with the facts as arguments, so dates read as the reader writes them
 * ({@link Text}: 10.03.2027 in Russian) and the absence type in the reader's language.
 */
final class NotificationFacts {

    static final String ABSENCE_ID = "absenceId";
    static final String TYPE = "type";
    static final String FROM = "from";
    static final String TO = "to";
    static final String DECIDED_BY = "decidedBy";
    static final String DECIDED_BY_NAME = "decidedByName";
    static final String BY_SYSTEM = "bySystem";
    static final String REASON = "reason";
    static final String CANCELLED_BY = "cancelledBy";
    static final String EMPLOYEE_NUMBER = "employeeNumber";
    static final String OPERATOR_NAME = "operatorName";
    static final String ROSTER_ID = "rosterId";
    static final String DATE = "date";
    static final String START = "start";
    static final String END = "end";
    static final String QUEUE = "queue";
    static final String DAYS = "days";
    static final String SWAP_ID = "swapId";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String WITH_DATE = "withDate";
    static final String ACTOR = "actor";
    static final String TAKER = "taker";

    /** Routes the notifications link to. */
    static final String MY_SCHEDULE = "my-schedule";
    /** The operator's own requests. */
    static final String TIME_OFF = "time-off";
    /** The managers' pending requests. */
    static final String APPROVALS = "approvals";
    /** The swap board. */
    static final String SWAPS = "swaps";

    private NotificationFacts() {}

    /** A builder of facts: null values are left out. */
    static Map<String, String> facts(Object... keysAndValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                facts.put(keysAndValues[i].toString(), keysAndValues[i + 1].toString());
            }
        }
        return facts;
    }

    /** The sentence of a stored notification. */
    static Text text(NotificationKind kind, Map<String, String> f) {
        return switch (kind) {
            case ABSENCE_APPROVED -> Boolean.parseBoolean(f.get(BY_SYSTEM))
                    ? Text.of("notification.absenceApproved.auto", type(f), period(f))
                    : Text.of("notification.absenceApproved", type(f), period(f), decider(f));
            case ABSENCE_REJECTED -> blank(f.get(REASON))
                    ? Text.of("notification.absenceRejected", type(f), period(f), decider(f))
                    : Text.of("notification.absenceRejected.reason", type(f), period(f), decider(f), f.get(REASON));
            case ABSENCE_CANCELLED -> Text.of("notification.absenceCancelled", operator(f), type(f), period(f));
            case ABSENCE_REQUESTED -> Text.of("notification.absenceRequested", operator(f), type(f), period(f));
            case SHIFT_REMOVED -> Text.of("notification.shiftRemoved", date(f, DATE), f.get(START), f.get(END));
            case SHIFT_ASSIGNED -> blank(f.get(QUEUE))
                    ? Text.of("notification.shiftAssigned", date(f, DATE), f.get(START), f.get(END))
                    : Text.of("notification.shiftAssigned.queue", date(f, DATE), f.get(START), f.get(END), f.get(QUEUE));
            case ROSTER_PUBLISHED -> Text.of("notification.rosterPublished", period(f));
            case SWAP_PROPOSED -> f.get(WITH_DATE) == null
                    ? Text.of("notification.swapProposed.oneSided", operator(f), date(f, DATE))
                    : Text.of("notification.swapProposed", operator(f), date(f, WITH_DATE), date(f, DATE));
            case SWAP_CHANGED -> blank(f.get(REASON))
                    ? Text.of("notification.swap." + f.get(STATUS), swapKind(f), date(f, DATE), f.getOrDefault(ACTOR, ""))
                    : Text.of("notification.swap." + f.get(STATUS) + ".reason", swapKind(f), date(f, DATE),
                            f.getOrDefault(ACTOR, ""), reason(f));
            case SWAP_WAITING -> blank(f.get(EMPLOYEE_NUMBER))
                    ? Text.of("notification.swapWaiting.open", swapKind(f), date(f, DATE), f.getOrDefault(TAKER, ""))
                    : Text.of("notification.swapWaiting", swapKind(f), date(f, DATE), f.getOrDefault(TAKER, ""),
                            operator(f));
        };
    }

    /** The trade's kind in the reader's language. */
    private static Text swapKind(Map<String, String> f) {
        return Text.of("swap.kind." + f.get(KIND));
    }

    /** A manager's words as written, or an automatic step's reason in the reader's language. */
    private static Text reason(Map<String, String> f) {
        String r = f.get(REASON);
        return r.startsWith("code:") ? Text.of("swap.reason." + r.substring(5)) : Text.literal(r);
    }

    /** The absence type in the reader's language (a type this version does not know: as stored). */
    private static Text type(Map<String, String> f) {
        String key = "notification.absenceType." + f.get(TYPE);
        return Texts.has(key) ? Text.of(key) : Text.literal(String.valueOf(f.get(TYPE)));
    }

    /** "10.03.2027 – 14.03.2027", or the one date. */
    private static Text period(Map<String, String> f) {
        LocalDate from = date(f, FROM);
        LocalDate to = date(f, TO);
        return to == null || to.equals(from) ? Text.of("notification.day", from) : Text.of("notification.period", from, to);
    }

    /** "E1001 Anna Ivanova" */
    private static String operator(Map<String, String> f) {
        return (f.getOrDefault(EMPLOYEE_NUMBER, "") + " " + f.getOrDefault(OPERATOR_NAME, "")).trim();
    }

    /** Who decided: their display name, else their login. */
    private static String decider(Map<String, String> f) {
        String name = f.get(DECIDED_BY_NAME);
        return blank(name) ? f.getOrDefault(DECIDED_BY, "") : name;
    }

    private static LocalDate date(Map<String, String> f, String key) {
        String text = f.get(key);
        return text == null ? null : LocalDate.parse(text);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
