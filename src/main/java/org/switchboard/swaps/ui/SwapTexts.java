package org.switchboard.swaps.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.base.ui.Languages;
import org.switchboard.rostering.TradeShift;
import org.switchboard.shared.KeyedException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.swaps.SwapKind;
import org.switchboard.swaps.SwapStatus;
import org.switchboard.swaps.SwapViews;

/**
 * Words and figures of the swap screens in the reader's language: dates (07.12.2026 for a Russian reader, 2026-12-07
 * otherwise), 24-hour shift times, kinds and statuses, people ("E1003 Boris Petrov"), percentages, and refusals of the
 * service (422 violations, 409, 404, 400, 403) as the sentences the reader reads.
 */
final class SwapTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SwapTexts() {}

    static Locale locale(Component c) {
        return Languages.of(c);
    }

    static String date(Component c, LocalDate d) {
        return d == null ? "" : Languages.date(locale(c)).format(d);
    }

    static String dateTime(Component c, OffsetDateTime at) {
        return at == null ? "" : Languages.dateTime(locale(c)).format(at.toZonedDateTime());
    }

    static String times(LocalTime start, LocalTime end) {
        return TIME.format(start) + "–" + TIME.format(end);
    }

    /** "2026-12-07 14:00–22:00 RU-GEN": a shift of a trade; "off" for the empty side of a one-sided swap. */
    static String shift(Component c, SwapViews.Shift s, LocalDate offDate) {
        if (s == null) {
            return offDate == null ? "" : c.getTranslation("swapui.off", date(c, offDate));
        }
        return date(c, s.date()) + " " + times(s.start(), s.end()) + (s.queue() == null ? "" : " " + s.queue());
    }

    /** A shift one may offer: "2026-12-07 14:00–22:00 RU-GEN". */
    static String shift(Component c, TradeShift s) {
        return date(c, s.date()) + " " + times(s.localStart(), s.localEnd())
                + (s.queueCode() == null ? "" : " " + s.queueCode());
    }

    static String party(SwapViews.Party p) {
        if (p == null) {
            return "";
        }
        return p.name() == null || p.name().isBlank() ? p.employeeNumber() : p.employeeNumber() + " " + p.name();
    }

    static String kind(Component c, SwapKind kind) {
        return kind == null ? "" : c.getTranslation("swap.kind." + kind.name());
    }

    static String status(Component c, SwapStatus status) {
        return status == null ? "" : c.getTranslation("swap.status." + status.name());
    }

    static String percent(Component c, Double share) {
        return Languages.percent(share, locale(c));
    }

    /** The messages of a refusal, one per broken rule (one for every other refusal). */
    static List<String> refusals(Component c, RuntimeException e) {
        Locale l = locale(c);
        return switch (e) {
            case RuleViolationsException r -> r.violations().stream().map(RuleViolation::message).toList();
            case KeyedException k -> List.of(k.message(l));
            case ValidationFailedException v -> List.copyOf(v.fieldErrors(l).values());
            case AccessDeniedException a -> List.of(a.getMessage() == null || a.getMessage().isBlank()
                    || a.getMessage().startsWith("Access Denied") ? c.getTranslation("swapui.denied") : a.getMessage());
            default -> throw e;
        };
    }

    /** A service's refusal as one sentence the reader reads. */
    static String refusal(Component c, RuntimeException e) {
        return refusals(c, e).stream().collect(Collectors.joining(" "));
    }

    /** Whether the signed-in user has one of the roles. */
    static boolean hasRole(String... roles) {
        return Roles.granted(SecurityContextHolder.getContext().getAuthentication(), roles);
    }

    /** Managers and admins decide trades and keep the teams' trade rules. */
    static boolean decides() {
        return hasRole(Roles.MANAGER, Roles.ADMIN);
    }

    /** Planners and admins offer open shifts. */
    static boolean plans() {
        return hasRole(Roles.PLANNER, Roles.ADMIN);
    }
}
