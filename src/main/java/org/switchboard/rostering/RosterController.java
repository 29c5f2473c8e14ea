package org.switchboard.rostering;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.base.ui.Translations;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import tools.jackson.databind.JsonNode;

/**
 * The roster API under {@code /api/rosters} (see README, "Rosters: the solver API"): planners and admins change
 * rosters, managers read them (every GET).
 */
@RestController
@RequestMapping("/api/rosters")
@PreAuthorize(Roles.READ_MASTER_DATA)
class RosterController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RosterService rosters;
    private final TeamService teams;
    private final QueueService queues;
    private final RosterEdits edits;
    private final RosterExports exports;
    private final Translations translations;
    private final RuleTexts texts;

    RosterController(RosterService rosters, TeamService teams, QueueService queues, RosterEdits edits,
            RosterExports exports, Translations translations, RuleTexts texts) {
        this.rosters = rosters;
        this.teams = teams;
        this.queues = queues;
        this.edits = edits;
        this.exports = exports;
        this.translations = translations;
        this.texts = texts;
    }

    /**
     * The body of {@code POST /api/rosters}. Teams by id or name, queues by id or code.
     *
     * @param startDate ISO date, e.g. "2026-12-07"
     * @param days a whole number (read as a JSON node: Jackson would otherwise turn 1.5 into 1)
     */
    record CreateBody(String startDate, JsonNode days, List<Object> teams, List<Object> queues, String zone,
            Boolean keepPublished, Map<String, String> weights, String coverageAim) {
    }

    /** @param warnings what the planner should know in words (e.g. no requirements in the period), may be empty */
    record Created(long id, LocalDate startDate, int days, String zone, RosterState state, String score,
            Double coveredShare, List<String> warnings, CoverageAim coverageAim, Double serviceLevel) {
    }

    @PostMapping
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ResponseEntity<Created> create(@RequestBody(required = false) CreateBody body, HttpServletRequest request) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("error.roster.body.missing"));
        }
        LocalDate start = date(body.startDate());
        Roster r = rosters.create(new NewRoster(start, days(body.days()), teamIds(body.teams()), queueIds(body.queues()),
                body.zone(), body.keepPublished(), body.weights(), coverageAim(body.coverageAim())));
        Locale locale = locale(request);
        List<String> warnings = new ArrayList<>();
        if (rosters.status(r.id()).requiredOperatorIntervals() == 0) {
            warnings.add(translations.getTranslation("roster.warning.noDemand", locale, texts.date(r.startDate(), locale),
                    texts.date(r.endDate(), locale)));
        }
        return ResponseEntity.created(URI.create("/api/rosters/" + r.id()))
                .body(new Created(r.id(), r.startDate(), r.days(), r.zone().getId(), r.state(), r.score(), r.coveredShare(),
                        warnings, r.coverageAim(), r.serviceLevel()));
    }

    /** SERVICE_LEVEL or OPERATORS (any case); null: the default. */
    private static CoverageAim coverageAim(String text) {
        if (text == null) {
            return null;
        }
        for (CoverageAim aim : CoverageAim.values()) {
            if (aim.name().equalsIgnoreCase(text.trim())) {
                return aim;
            }
        }
        throw ValidationFailedException.of("coverageAim", Text.of("error.roster.coverageAim",
                text.length() > 40 ? text.substring(0, 40) + "…" : text));
    }

    @GetMapping
    List<Roster> list() {
        return rosters.list();
    }

    @GetMapping("/{id}")
    Roster get(@PathVariable long id) {
        return rosters.get(id);
    }

    @PostMapping("/{id}/solve")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ResponseEntity<RosterStatus> solve(@PathVariable long id, @RequestParam(required = false) Integer seconds) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rosters.solve(id, seconds));
    }

    @GetMapping("/{id}/status")
    RosterStatus status(@PathVariable long id) {
        return rosters.status(id);
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ResponseEntity<RosterStatus> stop(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rosters.stop(id));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    Roster publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(required = false) Integer version) {
        return rosters.publish(id, force, version);
    }

    /** The broken rules with their sentences in the request's language ({@code Accept-Language}; English without). */
    @GetMapping("/{id}/explanation")
    List<RuleBreach> explanation(@PathVariable long id, HttpServletRequest request) {
        return rosters.explanation(id, locale(request));
    }

    /** The assignments as CSV (no format, or {@code format=csv}) or as an Excel workbook ({@code format=xlsx}). */
    @GetMapping("/{id}/assignments")
    ResponseEntity<?> assignments(@PathVariable long id, @RequestParam(required = false) String format,
            HttpServletRequest request) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-" + id + ".csv\"")
                    .body(exports.csv(id));
        }
        if (!format.equalsIgnoreCase("xlsx")) {
            throw ValidationFailedException.of("format", translations.getTranslation("roster.export.badFormat",
                    locale(request), format));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.xlsx(id, locale(request), out);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-" + id + ".xlsx\"")
                .body(out.toByteArray());
    }

    @GetMapping("/{id}/publish-preview")
    PublishPreview publishPreview(@PathVariable long id) {
        return rosters.publishPreview(id);
    }

    @GetMapping("/{id}/pins")
    List<PinnedDay> pins(@PathVariable long id) {
        return edits.pins(id);
    }

    /**
     * The body of {@code PUT /api/rosters/{id}/days/{employeeNumber}/{date}}: a shift or {@code "dayOff": true};
     * {@code force} stores it although hard rules break.
     *
     * @param start "HH:mm"
     */
    record DayBody(String shiftTemplate, String start, String queue, Boolean dayOff, Boolean force) {
    }

    /** The day as stored: times ISO-8601 with the site's offset; shift fields null for a day off. */
    record DayStored(String employeeNumber, LocalDate date, boolean dayOff, String shiftTemplate, OffsetDateTime start,
            OffsetDateTime end, String queue, OffsetDateTime breakStart, OffsetDateTime breakEnd, boolean pinned) {
    }

    @PutMapping("/{id}/days/{employeeNumber}/{date}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    DayStored editDay(@PathVariable long id, @PathVariable String employeeNumber, @PathVariable String date,
            @RequestBody(required = false) DayBody body, HttpServletRequest request) {
        Locale locale = locale(request);
        if (body == null) {
            throw ValidationFailedException.of("", translations.getTranslation("roster.edit.bodyMissing", locale));
        }
        LocalDate day = day(date, locale);
        LocalTime start = null;
        if (body.start() != null && !body.start().isBlank()) {
            try {
                start = LocalTime.parse(body.start().trim());
            } catch (DateTimeParseException e) {
                throw ValidationFailedException.of("start", translations.getTranslation("roster.edit.badTime", locale,
                        body.start()));
            }
        }
        boolean dayOff = Boolean.TRUE.equals(body.dayOff());
        StoredShift s = edits.edit(id, employeeNumber, day, new DayEdit(body.shiftTemplate(), start, body.queue(), dayOff),
                Boolean.TRUE.equals(body.force()), locale);
        if (s == null) {
            return new DayStored(employeeNumber, day, true, null, null, null, null, null, null, true);
        }
        ZoneId zone = rosters.get(id).zone();
        StoredShift.Span b = s.mainBreak();
        return new DayStored(employeeNumber, day, false, s.templateCode(), s.start().atZone(zone).toOffsetDateTime(),
                s.end().atZone(zone).toOffsetDateTime(), s.queueId() == null ? null : rosters.queueCodes().get(s.queueId()),
                b == null ? null : b.start().atZone(zone).toOffsetDateTime(),
                b == null ? null : b.end().atZone(zone).toOffsetDateTime(), true);
    }

    @DeleteMapping("/{id}/days/{employeeNumber}/{date}/pin")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ResponseEntity<Void> unpin(@PathVariable long id, @PathVariable String employeeNumber, @PathVariable String date,
            HttpServletRequest request) {
        edits.unpin(id, employeeNumber, day(date, locale(request)), locale(request));
        return ResponseEntity.noContent().build();
    }

    /** The reader's language: the request's {@code Accept-Language}, English without one. */
    static Locale locale(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH
                : Translations.supported(request.getLocale());
    }

    private LocalDate day(String text, Locale locale) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("date", translations.getTranslation("roster.edit.badDate", locale, text));
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationFailedException.of("startDate", Text.of("error.roster.startDate.required"));
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("startDate", Text.of("error.roster.startDate.notDate", text));
        }
    }

    /** The number of days as given, or null when absent; a fraction, a huge number or a text is refused. */
    private static Integer days(JsonNode days) {
        if (days == null || days.isNull() || days.isMissingNode()) {
            return null;
        }
        if (days.isNumber() && days.canConvertToExactIntegral() && days.canConvertToInt()) {
            return days.intValue();
        }
        throw ValidationFailedException.of("days", Text.of("error.roster.days.notWhole", String.valueOf(days)));
    }

    private List<Long> teamIds(List<Object> given) {
        if (given == null) {
            return null;
        }
        List<Team> all = teams.list();
        List<Long> ids = new ArrayList<>();
        for (Object o : given) {
            String text = String.valueOf(o).trim();
            Team team = all.stream().filter(t -> String.valueOf(t.getId()).equals(text) || t.getName().equalsIgnoreCase(text))
                    .findFirst().orElseThrow(() -> ValidationFailedException.of("teams", Text.of("error.roster.team.unknownName", text)));
            ids.add(team.getId());
        }
        return ids;
    }

    private List<Long> queueIds(List<Object> given) {
        if (given == null) {
            return null;
        }
        var all = queues.list();
        List<Long> ids = new ArrayList<>();
        for (Object o : given) {
            String text = String.valueOf(o).trim();
            var queue = all.stream()
                    .filter(q -> String.valueOf(q.getId()).equals(text) || q.getCode().equalsIgnoreCase(text))
                    .findFirst().orElseThrow(() -> ValidationFailedException.of("queues", Text.of("error.roster.queue.unknownCode", text)));
            ids.add(queue.getId());
        }
        return ids;
    }
}
