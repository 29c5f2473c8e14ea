package org.switchboard.schedule;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.switchboard.base.ui.Translations;

/**
 * Writes an operator's shifts as an iCalendar (RFC 5545) document with biweekly: one VEVENT per shift, UID stable per
 * operator and date (a changed shift replaces the old one in a subscribed calendar), DTSTART/DTEND in UTC, SUMMARY
 * with the shift template and queue, DESCRIPTION with the queue, the times and the break in the operator's zone.
 */
final class IcsWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Translations words;

    IcsWriter(Translations words) {
        this.words = words;
    }

    String write(ScheduleOwner owner, List<ScheduledShift> shifts, Instant stamp, Locale locale) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Switchboard//My schedule//" + Translations.supported(locale).getLanguage().toUpperCase(Locale.ROOT));
        String name = words.getTranslation("schedule.ics.calendarName", locale, owner.name());
        ical.setName(name);
        ical.setExperimentalProperty("X-WR-CALNAME", name);
        ical.setExperimentalProperty("X-WR-TIMEZONE", owner.zone().getId());
        for (ScheduledShift s : shifts) {
            VEvent event = new VEvent();
            event.setUid(uid(owner.operatorId(), s));
            event.setDateTimeStamp(Date.from(stamp));
            event.setDateStart(Date.from(s.start().toInstant()), true);
            event.setDateEnd(Date.from(s.end().toInstant()), true);
            String queue = s.queueCode() == null ? words.getTranslation("schedule.noQueue", locale) : s.queueCode();
            event.setSummary(words.getTranslation("schedule.ics.summary", locale, s.templateName(), queue));
            event.setDescription(description(s, locale));
            ical.addEvent(event);
        }
        return Biweekly.write(ical).go();
    }

    static String uid(long operatorId, ScheduledShift s) {
        return "switchboard-shift-" + operatorId + "-" + s.date() + "@switchboard";
    }

    private String description(ScheduledShift s, Locale locale) {
        String queue = s.queueCode() == null ? words.getTranslation("schedule.noQueue", locale)
                : s.queueCode() + (s.queueName() == null ? "" : " " + s.queueName());
        String brk = s.breakStart() == null ? words.getTranslation("schedule.noBreak", locale)
                : TIME.format(s.breakStart()) + "–" + TIME.format(s.breakEnd());
        return words.getTranslation("schedule.ics.description", locale, queue,
                s.templateName() + " (" + s.templateCode() + ")", TIME.format(s.start()) + "–" + TIME.format(s.end()),
                brk, s.start().getZone().getId());
    }
}
