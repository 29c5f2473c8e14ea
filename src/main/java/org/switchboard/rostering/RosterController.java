package org.switchboard.rostering;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.ValidationFailedException;
import tools.jackson.databind.JsonNode;

/** The roster API under {@code /api/rosters} for planners (see README, "Roster API"). */
@RestController
@RequestMapping("/api/rosters")
@PreAuthorize("hasAnyRole('PLANNER','ADMIN')")
class RosterController {

    private final RosterService rosters;
    private final TeamService teams;
    private final QueueService queues;

    RosterController(RosterService rosters, TeamService teams, QueueService queues) {
        this.rosters = rosters;
        this.teams = teams;
        this.queues = queues;
    }

    /**
     * The body of {@code POST /api/rosters}. Teams by id or name, queues by id or code.
     *
     * @param startDate ISO date, e.g. "2026-12-07"
     * @param days a whole number (read as a JSON node: Jackson would otherwise turn 1.5 into 1)
     */
    record CreateBody(String startDate, JsonNode days, List<Object> teams, List<Object> queues, String zone,
            Boolean keepPublished, Map<String, String> weights) {
    }

    record Created(long id, LocalDate startDate, int days, String zone, RosterState state, String score,
            Double coveredShare) {
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestBody(required = false) CreateBody body) {
        if (body == null) {
            throw ValidationFailedException.of("", "Send a JSON body such as {\"startDate\":\"2026-12-07\",\"days\":28}");
        }
        LocalDate start = date(body.startDate());
        Roster r = rosters.create(new NewRoster(start, days(body.days()), teamIds(body.teams()), queueIds(body.queues()),
                body.zone(), body.keepPublished(), body.weights()));
        return ResponseEntity.created(URI.create("/api/rosters/" + r.id()))
                .body(new Created(r.id(), r.startDate(), r.days(), r.zone().getId(), r.state(), r.score(), r.coveredShare()));
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
    ResponseEntity<RosterStatus> solve(@PathVariable long id, @RequestParam(required = false) Integer seconds) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rosters.solve(id, seconds));
    }

    @GetMapping("/{id}/status")
    RosterStatus status(@PathVariable long id) {
        return rosters.status(id);
    }

    @PostMapping("/{id}/stop")
    ResponseEntity<RosterStatus> stop(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rosters.stop(id));
    }

    @PostMapping("/{id}/publish")
    Roster publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force) {
        return rosters.publish(id, force);
    }

    @GetMapping("/{id}/explanation")
    List<RuleBreach> explanation(@PathVariable long id) {
        return rosters.explanation(id);
    }

    @GetMapping(value = "/{id}/assignments", produces = "text/csv")
    ResponseEntity<String> assignments(@PathVariable long id) {
        String body = AssignmentCsv.write(rosters.assignments(id));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-" + id + ".csv\"")
                .body(body);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationFailedException.of("startDate", "Enter the first day of the period as \"startDate\": \"2026-12-07\"");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("startDate", "'" + text + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-07");
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
        throw ValidationFailedException.of("days", "'" + days + "' is not a whole number of days: plan 1 to 42 days");
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
                    .findFirst().orElseThrow(() -> ValidationFailedException.of("teams", "There is no team '" + text
                            + "' (give team ids or names)"));
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
                    .findFirst().orElseThrow(() -> ValidationFailedException.of("queues", "There is no queue '" + text
                            + "' (give queue ids or codes)"));
            ids.add(queue.getId());
        }
        return ids;
    }
}
