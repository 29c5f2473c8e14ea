package org.switchboard.absences.ui;

import com.vaadin.flow.component.Component;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.absences.AbsenceEntry;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.BalanceExceededException;
import org.switchboard.base.ui.Languages;
import org.switchboard.base.ui.Translations;
import org.switchboard.shared.KeyedException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.ValidationFailedException;

/**
 * Words and figures of the absence screens in the reader's language: dates (06.12.2026 for a Russian reader,
 * 2026-12-06 otherwise), 24-hour times, shares as percentages, the names of types and statuses, and refusals of the
 * services (409, 422, 400, 403) as the sentence the reader reads.
 */
final class AbsenceTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private AbsenceTexts() {}

    static Locale locale(Component c) {
        return Languages.of(c);
    }

    static String date(Component c, LocalDate d) {
        return d == null ? "" : Languages.date(locale(c)).format(d);
    }

    /** "Mo 07.12." / "Mon 12-07" : a day as a short column or box head. */
    static String shortDay(Component c, LocalDate d) {
        Locale l = locale(c);
        boolean ru = l.equals(Translations.RUSSIAN);
        return d.format(DateTimeFormatter.ofPattern(ru ? "EE dd.MM" : "EEE MM-dd", l));
    }

    static String dateTime(Component c, Instant at, ZoneId zone) {
        return at == null ? "" : Languages.dateTime(locale(c)).format(at.atZone(zone));
    }

    static String type(Component c, AbsenceType type) {
        return type == null ? "" : c.getTranslation("absence.type." + type.name());
    }

    static String status(Component c, AbsenceStatus status) {
        return status == null ? "" : c.getTranslation("absence.status." + status.name());
    }

    /** "07.12.2026 – 11.12.2026" for whole days, "07.12.2026 09:00–13:00" for a span within one day. */
    static String when(Component c, AbsenceEntry e) {
        if (e.wholeDays()) {
            return e.from().equals(e.to()) ? date(c, e.from()) : date(c, e.from()) + " – " + date(c, e.to());
        }
        if (e.start().toLocalDate().equals(e.end().toLocalDate())) {
            return date(c, e.start().toLocalDate()) + " " + TIME.format(e.start()) + "–" + TIME.format(e.end());
        }
        return date(c, e.start().toLocalDate()) + " " + TIME.format(e.start()) + " – " + date(c, e.end().toLocalDate())
                + " " + TIME.format(e.end());
    }

    /** Who decided and when ("by the system" for the team's automatic approval), or who cancelled; empty if open. */
    static String decided(Component c, AbsenceEntry e) {
        if (e.status() == AbsenceStatus.CANCELLED && e.cancelledAt() != null) {
            return c.getTranslation("absences.ui.cancelledBy", e.cancelledBy(), dateTime(c, e.cancelledAt(), e.zone()));
        }
        if (e.decidedAt() == null) {
            return "";
        }
        String who = e.decidedBySystem() ? c.getTranslation("absences.ui.bySystem") : e.decidedBy();
        return c.getTranslation("absences.ui.decidedBy", who, dateTime(c, e.decidedAt(), e.zone()));
    }

    static String percent(Component c, Double share) {
        return Languages.percent(share, locale(c));
    }

    static String number(Component c, double value) {
        NumberFormat f = NumberFormat.getNumberInstance(locale(c));
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /** A service's refusal as the reader reads it. */
    static String refusal(Component c, RuntimeException e) {
        Locale l = locale(c);
        return switch (e) {
            case BalanceExceededException b -> c.getTranslation("absences.ui.refused.balance",
                    b.in(l).violations().stream().map(RuleViolation::message).collect(Collectors.joining(" ")));
            case RuleViolationsException r -> r.violations().stream().map(RuleViolation::message)
                    .collect(Collectors.joining(" "));
            case KeyedException k -> k.message(l);
            case ValidationFailedException v -> String.join(" ", v.fieldErrors(l).values());
            case AccessDeniedException a -> c.getTranslation("absences.ui.refused.denied");
            default -> throw e;
        };
    }

    /** Whether the signed-in user has one of the roles. */
    static boolean hasRole(String... roles) {
        return Roles.granted(SecurityContextHolder.getContext().getAuthentication(), roles);
    }

    /** Managers and admins decide requests and keep the teams' rules. */
    static boolean decides() {
        return hasRole(Roles.MANAGER, Roles.ADMIN);
    }
}
