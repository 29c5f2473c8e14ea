package org.switchboard.schedule;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.switchboard.shared.RequestDates;

/**
 * The signed-in operator's own schedule under {@code /api/me} (see README, "My schedule"): published shifts as JSON
 * and the personal calendar feed's URL.
 */
@RestController
@RequestMapping("/api/me")
class MyScheduleController {

    private final MySchedule schedule;
    private final CalendarFeeds feeds;

    MyScheduleController(MySchedule schedule, CalendarFeeds feeds) {
        this.schedule = schedule;
        this.feeds = feeds;
    }

    /** One shift of {@code GET /api/me/schedule}; times ISO-8601 with the offset of the operator's zone. */
    record ShiftJson(LocalDate date, OffsetDateTime start, OffsetDateTime end, String queue, String shiftTemplate,
            OffsetDateTime breakStart, OffsetDateTime breakEnd) {

        static ShiftJson of(ScheduledShift s) {
            return new ShiftJson(s.date(), s.start().toOffsetDateTime(), s.end().toOffsetDateTime(), s.queueCode(),
                    s.templateCode(), s.breakStart() == null ? null : s.breakStart().toOffsetDateTime(),
                    s.breakEnd() == null ? null : s.breakEnd().toOffsetDateTime());
        }
    }

    /** {@code from}/{@code to} inclusive, ISO dates; by default this week (from Monday) and the next four. */
    @GetMapping("/schedule")
    List<ShiftJson> schedule(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first == null || last == null) {
            ScheduleOwner me = schedule.owner().orElseThrow(MySchedule::notLinked);
            if (first == null) {
                first = last == null ? schedule.thisMonday(me.zone()) : last.minusWeeks(MySchedule.DEFAULT_WEEKS).plusDays(1);
            }
            if (last == null) {
                last = first.plusWeeks(MySchedule.DEFAULT_WEEKS).minusDays(1);
            }
        }
        return schedule.shifts(first, last).stream().map(ShiftJson::of).toList();
    }

    @GetMapping("/calendar")
    Map<String, String> calendar(HttpServletRequest request) {
        return Map.of("url", url(request, feeds.myToken()));
    }

    @PostMapping("/calendar/renew")
    Map<String, String> renew(HttpServletRequest request) {
        return Map.of("url", url(request, feeds.renewMyToken()));
    }

    static String url(HttpServletRequest request, String token) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(CalendarFeeds.path(token)).build().toUriString();
    }

    private static LocalDate date(String field, String text) {
        return RequestDates.optional(field, text, "error.schedule.notDate");
    }
}
