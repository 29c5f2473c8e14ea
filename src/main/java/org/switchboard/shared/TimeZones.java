package org.switchboard.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Site time zones: validation and the list a user picks from (region ids such as Europe/Moscow). */
public final class TimeZones {

    private static final List<String> REGION_IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    private TimeZones() {}

    public static boolean isValid(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static List<String> regionIds() {
        return REGION_IDS;
    }
}
