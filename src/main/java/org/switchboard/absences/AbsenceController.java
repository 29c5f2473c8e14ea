package org.switchboard.absences;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.RequestDates;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;
import org.switchboard.shared.ValidationFailedException;

/**
 * The absences API under {@code /api/absences} (see README, "Time off"): requests, decisions, balances, the teams'
 * days and rules, and a request's effect on coverage. The services check the roles; refusals become problem details
 * (400, 403, 404, 409, 422 with {@code violations}) through the API's error handling.
 */
@RestController
@RequestMapping("/api/absences")
class AbsenceController {

    private final TimeOffRequests requests;
    private final AbsenceDecisions decisions;
    private final Balances balances;
    private final Allotments allotments;

    AbsenceController(TimeOffRequests requests, AbsenceDecisions decisions, Balances balances, Allotments allotments) {
        this.requests = requests;
        this.decisions = decisions;
        this.balances = balances;
        this.allotments = allotments;
    }

    /** The body of {@code POST /api/absences}: whole days from/to, or start/end local date-times (YYYY-MM-DDTHH:MM). */
    record NewAbsenceBody(String type, String from, String to, String start, String end, String note,
            String employeeNumber) {
    }

    record Created(long id, AbsenceStatus status) {
    }

    /** One absence; times with the offset of the operator's zone ({@code end} exclusive). */
    record AbsenceJson(long id, String employeeNumber, String name, AbsenceType type, AbsenceStatus status,
            LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end, boolean wholeDays, String note,
            OffsetDateTime requestedAt, String requestedBy, String decidedBy, OffsetDateTime decidedAt,
            boolean decidedBySystem, String reason, OffsetDateTime cancelledAt, String cancelledBy,
            OffsetDateTime waitlistedAt) {

        static AbsenceJson of(AbsenceEntry e) {
            ZoneId z = e.zone();
            return new AbsenceJson(e.id(), e.employeeNumber(), e.name(), e.type(), e.status(), e.from(), e.to(),
                    e.start().toOffsetDateTime(), e.end().toOffsetDateTime(), e.wholeDays(), e.note(),
                    at(e.requestedAt(), z), e.requestedBy(), e.decidedBy(), at(e.decidedAt(), z), e.decidedBySystem(),
                    e.reason(), at(e.cancelledAt(), z), e.cancelledBy(), at(e.waitlistedAt(), z));
        }

        private static OffsetDateTime at(Instant i, ZoneId z) {
            return i == null ? null : i.atZone(z).toOffsetDateTime();
        }
    }

    record DecisionBody(String reason, List<Long> ids) {
    }

    record OutcomeJson(long id, boolean decided, AbsenceStatus status, String message) {
    }

    record BalanceJson(AbsenceType type, int year, Integer allowance, DayCounting counting, Integer carriedOver,
            int taken, int pending, Integer remaining) {

        static BalanceJson of(Balance b) {
            return new BalanceJson(b.type(), b.year(), b.allowance(), b.counting(), b.carriedOver(), b.taken(),
                    b.pending(), b.remaining());
        }
    }

    record DayJson(LocalDate date, int used, int limit, int free, DayState state, DayStatus.LimitSource source) {

        static DayJson of(DayStatus d) {
            return new DayJson(d.date(), d.used(), d.limit(), d.free(), d.state(), d.source());
        }
    }

    record SettingsJson(long teamId, Integer dailyLimit, boolean autoApprove, double threshold) {

        static SettingsJson of(TeamAbsenceSettings s) {
            return new SettingsJson(s.teamId(), s.dailyLimit(), s.autoApprove(), s.threshold());
        }
    }

    /** The body of {@code PUT …/settings}; {@code teamId} is the path's. */
    record SettingsBody(Long teamId, Integer dailyLimit, Boolean autoApprove, Double threshold) {
    }

    record LimitBody(Integer limit) {
    }

    record IntervalJson(OffsetDateTime start, LocalTime time, int minutes, double calls, int required,
            double scheduledBefore, double scheduledAfter, Double serviceLevelBefore, Double serviceLevelAfter) {
    }

    record QueueDayJson(LocalDate date, long queueId, String queue, Double targetServiceLevel,
            Double serviceLevelBefore, Double serviceLevelAfter, List<IntervalJson> intervals) {
    }

    record OtherJson(long id, String employeeNumber, String name, AbsenceType type, LocalDate from, LocalDate to,
            OffsetDateTime start, OffsetDateTime end, boolean wholeDays) {
    }

    record ImpactJson(AbsenceJson absence, Double lowestServiceLevelAfter, List<QueueDayJson> days,
            List<OtherJson> otherAbsences) {

        static ImpactJson of(ImpactReport r) {
            ZoneId z = r.absence().zone();
            List<QueueDayJson> days = r.impact().days().stream().map(d -> new QueueDayJson(d.date(), d.queueId(),
                    d.queueCode(), d.targetServiceLevel(), d.serviceLevelBefore(), d.serviceLevelAfter(),
                    d.intervals().stream().map(i -> new IntervalJson(i.start().atZone(z).toOffsetDateTime(), i.time(),
                            i.minutes(), i.calls(), i.required(), i.scheduledBefore(), i.scheduledAfter(),
                            i.serviceLevelBefore(), i.serviceLevelAfter())).toList())).toList();
            List<OtherJson> others = r.otherAbsences().stream().map(o -> new OtherJson(o.id(), o.employeeNumber(),
                    o.name(), o.type(), o.from(), o.to(), o.start().toOffsetDateTime(), o.end().toOffsetDateTime(),
                    o.wholeDays())).toList();
            return new ImpactJson(AbsenceJson.of(r.absence()), r.impact().lowestServiceLevelAfter(), days, others);
        }
    }

    @PostMapping
    ResponseEntity<Created> request(@RequestBody(required = false) NewAbsenceBody body, HttpServletRequest http) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("error.absence.bodyMissing"));
        }
        NewAbsence request = new NewAbsence(type(body.type()), date("from", body.from()), date("to", body.to()),
                dateTime("start", body.start()), dateTime("end", body.end()), body.note(), body.employeeNumber());
        try {
            RequestOutcome outcome = requests.request(request);
            return ResponseEntity.created(URI.create("/api/absences/" + outcome.id()))
                    .body(new Created(outcome.id(), outcome.status()));
        } catch (BalanceExceededException e) {
            throw e.in(locale(http));
        }
    }

    @GetMapping
    List<AbsenceJson> list(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String employeeNumber) {
        AbsenceStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = AbsenceStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ValidationFailedException.of("status", Text.of("error.absence.status.unknown", status,
                        "REQUESTED, WAITLISTED, APPROVED, REJECTED, CANCELLED"));
            }
        }
        return requests.list(new AbsenceFilter(s, date("from", from), date("to", to), teamId, employeeNumber)).stream()
                .map(AbsenceJson::of).toList();
    }

    @GetMapping("/{id}")
    AbsenceJson get(@PathVariable long id) {
        return AbsenceJson.of(requests.get(id));
    }

    @PostMapping("/{id}/cancel")
    AbsenceJson cancel(@PathVariable long id) {
        return AbsenceJson.of(requests.cancel(id));
    }

    @PostMapping("/{id}/approve")
    AbsenceJson approve(@PathVariable long id) {
        return AbsenceJson.of(decisions.approve(id));
    }

    @PostMapping("/{id}/reject")
    AbsenceJson reject(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return AbsenceJson.of(decisions.reject(id, body == null ? null : body.reason()));
    }

    /** Bulk: {@code {"ids":[…]}}; one outcome per id (each decided in its own transaction). */
    @PostMapping("/approve")
    List<OutcomeJson> approveAll(@RequestBody(required = false) DecisionBody body, HttpServletRequest http) {
        return outcomes(decisions.approveAll(body == null ? null : body.ids()), locale(http));
    }

    /** Bulk: {@code {"ids":[…],"reason":"…"}}. */
    @PostMapping("/reject")
    List<OutcomeJson> rejectAll(@RequestBody(required = false) DecisionBody body, HttpServletRequest http) {
        return outcomes(decisions.rejectAll(body == null ? null : body.ids(), body == null ? null : body.reason()),
                locale(http));
    }

    private static List<OutcomeJson> outcomes(List<DecisionOutcome> list, Locale locale) {
        return list.stream().map(o -> new OutcomeJson(o.id(), o.decided(), o.status(),
                o.reason() == null ? null : o.reason().render(locale))).toList();
    }

    @GetMapping("/{id}/impact")
    ImpactJson impact(@PathVariable long id) {
        return ImpactJson.of(decisions.impact(id));
    }

    /** The caller's balances, or (planners, managers, admins) an operator's by {@code employeeNumber}. */
    @GetMapping("/balances")
    List<BalanceJson> balances(@RequestParam(required = false) String employeeNumber,
            @RequestParam(required = false) Integer year) {
        List<Balance> list = employeeNumber == null || employeeNumber.isBlank() ? balances.mine(year)
                : balances.of(employeeNumber, year);
        return list.stream().map(BalanceJson::of).toList();
    }

    /** The team's days (the caller's own team by default) for the request form. */
    @GetMapping("/days")
    List<DayJson> days(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long teamId) {
        return allotments.days(teamId, date("from", from), date("to", to)).stream().map(DayJson::of).toList();
    }

    @GetMapping("/teams/{teamId}/settings")
    SettingsJson settings(@PathVariable long teamId) {
        return SettingsJson.of(allotments.settings(teamId));
    }

    /** Replaces the team's rules; a missing {@code autoApprove} or {@code threshold} keeps the current value. */
    @PutMapping("/teams/{teamId}/settings")
    SettingsJson saveSettings(@PathVariable long teamId, @RequestBody(required = false) SettingsBody body) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("error.absence.bodyMissing"));
        }
        TeamAbsenceSettings now = allotments.settings(teamId);
        return SettingsJson.of(allotments.saveSettings(new TeamAbsenceSettings(teamId, body.dailyLimit(),
                body.autoApprove() == null ? now.autoApprove() : body.autoApprove(),
                body.threshold() == null ? now.threshold() : body.threshold())));
    }

    /**
     * The team's limit for one date: {@code {"limit":n}}, or {@code {"limit":null}} to remove it. A request without a
     * body is refused (it used to remove the limit, as if asked to).
     */
    @PutMapping("/teams/{teamId}/allotments/{date}")
    DayJson setLimit(@PathVariable long teamId, @PathVariable String date, @RequestBody(required = false) LimitBody body) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("error.absence.bodyMissing"));
        }
        return DayJson.of(allotments.setLimit(teamId, date("date", date), body.limit()));
    }

    static Locale locale(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH
                : Texts.supported(request.getLocale());
    }

    private static AbsenceType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AbsenceType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("type", Text.of("error.absence.typeUnknown", text));
        }
    }

    private static LocalDate date(String field, String text) {
        return RequestDates.optional(field, text, "error.absence.notDate");
    }

    private static LocalDateTime dateTime(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(field, Text.of("error.absence.notDateTime", text));
        }
    }
}
