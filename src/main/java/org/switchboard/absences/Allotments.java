package org.switchboard.absences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Daily allotments per team: how many of a team may be off on a day (see {@link DayStatus}), the day status an operator
 * sees before sending a request, and the managers' team rules (daily limit, auto-approval) and per-date limits. Raising
 * a limit lets waitlisted requests move up.
 */
@Service
@Transactional
public class Allotments {

    /** The longest range one day-status request may ask for. */
    public static final int MAX_DAYS = 366;

    private final AllotmentCounter counter;
    private final TeamRulesStore rules;
    private final Staff staff;
    private final Caller caller;
    private final Waitlist waitlist;
    private final Clock clock;

    Allotments(AllotmentCounter counter, TeamRulesStore rules, Staff staff, Caller caller, Waitlist waitlist,
            Optional<Clock> clock) {
        this.counter = counter;
        this.rules = rules;
        this.staff = staff;
        this.caller = caller;
        this.waitlist = waitlist;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * The team's days from {@code from} to {@code to}: the caller's own team when {@code teamId} is null (operators
     * may ask only for their own); planners, managers and admins any team.
     */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<DayStatus> days(Long teamId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        long team;
        if (teamId == null) {
            team = staff.mineOrThrow().getTeamId();
        } else if (caller.seesAll()) {
            team = knownTeam(teamId);
        } else {
            long mine = staff.mineOrThrow().getTeamId();
            if (mine != teamId) {
                throw new org.springframework.security.access.AccessDeniedException("Only the own team's days");
            }
            team = mine;
        }
        return counter.days(team, from, to, null);
    }

    @PreAuthorize(Caller.SEE_ALL)
    @Transactional(readOnly = true)
    public TeamAbsenceSettings settings(long teamId) {
        return rules.settings(knownTeam(teamId));
    }

    /** Stores the team's rules; a higher limit lets waitlisted requests move up. */
    @PreAuthorize(Caller.DECIDE)
    public TeamAbsenceSettings saveSettings(TeamAbsenceSettings settings) {
        knownTeam(settings.teamId());
        Violations.none()
                .check(settings.dailyLimit() != null && settings.dailyLimit() < 0, "dailyLimit",
                        Text.of("error.absence.limitNegative"))
                .check(Double.isNaN(settings.threshold()) || settings.threshold() < 0 || settings.threshold() > 1,
                        "threshold", Text.of("error.absence.threshold"))
                .throwIfAny();
        rules.save(settings);
        waitlist.moveUp(settings.teamId());
        return rules.settings(settings.teamId());
    }

    /** Sets the team's limit for one date (null removes it: the team's setting applies again); the day as it is now. */
    @PreAuthorize(Caller.DECIDE)
    public DayStatus setLimit(long teamId, LocalDate date, Integer limit) {
        knownTeam(teamId);
        if (date == null) {
            throw ValidationFailedException.of("date", Text.of("error.absence.dateMissing"));
        }
        if (limit != null && limit < 0) {
            throw ValidationFailedException.of("limit", Text.of("error.absence.limitNegative"));
        }
        if (limit == null) {
            rules.removeOverride(teamId, date);
        } else {
            rules.setOverride(teamId, date, limit, caller.name(), clock.instant());
        }
        waitlist.moveUp(teamId);
        return counter.days(teamId, date, date, null).getFirst();
    }

    private long knownTeam(long teamId) {
        if (!staff.teamExists(teamId)) {
            throw new NotFoundException("Team", teamId);
        }
        return teamId;
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ValidationFailedException.of(from == null ? "from" : "to", Text.of("error.absence.dateMissing"));
        }
        if (to.isBefore(from)) {
            throw ValidationFailedException.of("to", Text.of("error.absence.order", to, from));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ValidationFailedException.of("to", Text.of("error.absence.tooLong", MAX_DAYS));
        }
    }
}
