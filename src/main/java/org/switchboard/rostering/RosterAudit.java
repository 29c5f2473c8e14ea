package org.switchboard.rostering;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** How rostering's changes describe a day in the audit trail: the shift in the site's local times, or a day off. */
final class RosterAudit {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private RosterAudit() {}

    /** {@code {template, start, end, queue}} in the zone's local times, or {@code {dayOff: true}} for none. */
    static Map<String, Object> day(StoredShift s, ZoneId zone, Map<Long, String> queueCodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s == null) {
            out.put("dayOff", true);
            return out;
        }
        out.put("template", s.templateCode());
        out.put("start", HM.format(s.start().atZone(zone)));
        out.put("end", HM.format(s.end().atZone(zone)));
        if (s.queueId() != null) {
            out.put("queue", queueCodes.getOrDefault(s.queueId(), String.valueOf(s.queueId())));
        }
        return out;
    }
}
