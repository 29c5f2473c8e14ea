package org.switchboard.schedule;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    /** The longest content line in octets, CRLF not counted (RFC 5545, 3.1). */
    static final int MAX_OCTETS = 75;
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
        return foldByOctets(unfolded(ical));
    }

    /** biweekly's text without line folding (its folding counts characters; RFC 5545 counts octets). */
    private static String unfolded(ICalendar ical) {
        StringWriter out = new StringWriter();
        try (ICalWriter w = new ICalWriter(out, ICalVersion.V2_0)) {
            w.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            w.write(ical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Folds every content line to at most 75 octets of UTF-8 (RFC 5545, 3.1): CRLF and one space before the rest,
     * never inside a character.
     */
    static String foldByOctets(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 60 * 3);
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
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
