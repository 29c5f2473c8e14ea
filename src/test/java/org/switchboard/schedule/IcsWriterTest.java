package org.switchboard.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.switchboard.base.ui.Translations;
import org.switchboard.rostering.ShiftKind;

/** The iCalendar text itself: RFC 5545 framing (CRLF, lines of at most 75 octets), escaping, UTC times around DST. */
class IcsWriterTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final IcsWriter writer = new IcsWriter(new Translations());

    static ScheduledShift shift(LocalDate date, int hour, int hours, String queueName) {
        ZonedDateTime start = LocalDateTime.of(date, java.time.LocalTime.of(hour, 0)).atZone(BERLIN);
        return new ScheduledShift(date, start, start.plusHours(hours), "DE-GEN", queueName, "D07", "Day",
                start.plusHours(4), start.plusHours(5), ShiftKind.DAY, (hours - 1) * 60);
    }

    @Test
    void utcTimesAcrossTheSwitchToSummerTimeAndStableUids() {
        ScheduleOwner owner = new ScheduleOwner(42, "E42", "Jana Weber", BERLIN);
        List<ScheduledShift> shifts = List.of(shift(LocalDate.of(2027, 3, 27), 7, 9, "General"),
                shift(LocalDate.of(2027, 3, 28), 7, 9, "General"));
        String ics = writer.write(owner, shifts, Instant.parse("2027-03-01T10:00:00Z"), Locale.ENGLISH);
        // 07:00 CET = 06:00Z the day before the switch, 07:00 CEST = 05:00Z on the Sunday
        assertThat(ics).contains("DTSTART:20270327T060000Z\r\n", "DTEND:20270327T150000Z\r\n",
                "DTSTART:20270328T050000Z\r\n", "DTEND:20270328T140000Z\r\n", "DTSTAMP:20270301T100000Z\r\n",
                "UID:switchboard-shift-42-2027-03-28@switchboard\r\n");
        ICalendar parsed = Biweekly.parse(ics).first();
        assertThat(parsed.getEvents()).hasSize(2);
        VEvent sunday = parsed.getEvents().get(1);
        assertThat(sunday.getDateStart().getValue().toInstant()).isEqualTo(shifts.get(1).start().toInstant());
        assertThat(sunday.getSummary().getValue()).isEqualTo("Day · DE-GEN");
        assertThat(sunday.getDescription().getValue()).isEqualTo(
                "Queue: DE-GEN General\nShift: Day (D07)\nTime: 07:00–16:00 (Europe/Berlin)\nBreak: 11:00–12:00");
    }

    @Test
    void longAndSpecialTextIsFoldedAndEscapedAndReadsBackUnchanged() {
        String name = "Billing, refunds; \"VIP\" \\ line with a very long name that goes past seventy-five octets — ёжик";
        ScheduleOwner owner = new ScheduleOwner(7, "E7", "Анна Иванова", BERLIN);
        String ics = writer.write(owner, List.of(shift(LocalDate.of(2027, 1, 4), 8, 9, name)), Instant.now(),
                Locale.forLanguageTag("ru"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("Billing\\, refunds\\; \"VIP\" \\\\ line");
        String description = Biweekly.parse(ics).first().getEvents().getFirst().getDescription().getValue();
        assertThat(description).contains("Очередь: DE-GEN " + name, "Перерыв: 12:00–13:00");
    }

    @Test
    void foldingCountsOctetsAndUnfoldsToTheOriginal() {
        String ascii = "DESCRIPTION:" + "x".repeat(200);
        String folded = IcsWriter.foldByOctets(ascii + "\r\n");
        String[] lines = folded.split("\r\n");
        assertThat(lines[0]).hasSize(75);
        assertThat(lines[1]).startsWith(" ").hasSize(75);
        assertThat(folded.replace("\r\n ", "")).isEqualTo(ascii + "\r\n");
        // two-octet letters are never cut in half, and a line holds at most 75 octets
        String cyrillic = "SUMMARY:" + "ж".repeat(100);
        String foldedCyrillic = IcsWriter.foldByOctets(cyrillic + "\r\n");
        for (String line : foldedCyrillic.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isBetween(1, 75);
        }
        assertThat(foldedCyrillic.replace("\r\n ", "")).isEqualTo(cyrillic + "\r\n");
        // the RFC 5545 (3.1) example of a folded line reads back as one
        String rfc = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nBEGIN:VEVENT\r\nUID:1@example.com\r\n"
                + "DTSTAMP:19970610T172345Z\r\nDTSTART:19970714T170000Z\r\n"
                + "DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line.\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(Biweekly.parse(rfc).first().getEvents().getFirst().getDescription().getValue())
                .isEqualTo("This is a long description that exists on a long line.");
    }
}
