package org.switchboard.rostering;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RequestDates;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Substitution over REST (see README): the substitutes of an absence's open shifts and assigning one (under
 * {@code /api/absences/{id}/substitutes}: the open shifts live with the published roster, in this module), a roster's
 * open shifts and replanning its open days. Planners and admins change; managers read.
 */
@RestController
@PreAuthorize(Roles.READ_MASTER_DATA)
class SubstitutionController {

    private final Substitution substitution;

    SubstitutionController(Substitution substitution) {
        this.substitution = substitution;
    }

    /** The body of {@code POST /api/absences/{id}/substitutes}. */
    record AssignBody(String date, String employeeNumber) {
    }

    /** The answer of {@code POST /api/rosters/{id}/replan-open-days}: the new draft. */
    record Replan(long id, LocalDate startDate, int days, List<LocalDate> replanDates) {
    }

    @GetMapping("/api/absences/{id}/substitutes")
    List<Substitution.ShiftCandidates> substitutes(@PathVariable long id, HttpServletRequest request) {
        return substitution.substitutes(id, RosterController.locale(request));
    }

    @PostMapping("/api/absences/{id}/substitutes")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    Substitution.OpenShiftView assign(@PathVariable long id, @RequestBody(required = false) AssignBody body,
            HttpServletRequest request) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("substitute.error.bodyMissing"));
        }
        LocalDate date = RequestDates.optional("date", body.date(), "substitute.error.dateInvalid");
        return substitution.assign(id, date, body.employeeNumber(), RosterController.locale(request));
    }

    @GetMapping("/api/rosters/{id}/open-shifts")
    List<Substitution.OpenShiftView> openShifts(@PathVariable long id) {
        return substitution.openShifts(id);
    }

    /** The body of {@code POST /api/rosters/{id}/open-shifts}: a shift a planner adds ({@code start} HH:MM, local). */
    record NewOpenShift(String date, String shiftTemplate, String start, String queue) {
    }

    @PostMapping("/api/rosters/{id}/open-shifts")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ResponseEntity<Substitution.OpenShiftView> addOpenShift(@PathVariable long id,
            @RequestBody(required = false) NewOpenShift body) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("substitute.error.bodyMissing"));
        }
        LocalDate date = RequestDates.optional("date", body.date(), "substitute.error.dateInvalid");
        java.time.LocalTime start;
        try {
            start = body.start() == null || body.start().isBlank() ? null : java.time.LocalTime.parse(body.start().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationFailedException.of("start", Text.of("substitute.error.addStart", String.valueOf(
                    body.shiftTemplate()), body.start()));
        }
        Substitution.OpenShiftView added = substitution.addOpenShift(id, date, body.shiftTemplate(), start, body.queue());
        return ResponseEntity.created(URI.create("/api/rosters/" + id + "/open-shifts")).body(added);
    }

    @PostMapping("/api/rosters/{id}/replan-open-days")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ResponseEntity<Replan> replan(@PathVariable long id) {
        Roster draft = substitution.replanOpenDays(id);
        return ResponseEntity.created(URI.create("/api/rosters/" + draft.id())).body(new Replan(draft.id(),
                draft.startDate(), draft.days(), List.copyOf(substitution.replanDates(draft.id()))));
    }
}
