package org.switchboard.swaps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.TradeShift;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Text;

/**
 * Trades as the API and the screens show them: names and shifts in the site's local time, the reason in the reader's
 * language (automatic steps are stored as codes and put into words here), and the history.
 */
@Component
public class SwapViews {

    private final OperatorService operators;
    private final SwapStore store;

    SwapViews(OperatorService operators, SwapStore store) {
        this.operators = operators;
        this.store = store;
    }

    /** An operator taking part. */
    public record Party(String employeeNumber, String name) {
    }

    /** A shift of the trade, in the site's local times ({@code end} may be on the next day: a night). */
    public record Shift(LocalDate date, LocalTime start, LocalTime end, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String templateCode, String queue, int paidMinutes) {
    }

    /** One step of the history. */
    public record Step(SwapStatus status, OffsetDateTime at, String by, boolean bySystem, String reason) {
    }

    /**
     * One trade.
     *
     * @param date the date of the offered shift ({@code shift}); {@code withDate} and {@code withShift} the addressee's
     *        of a direct swap ({@code withShift} null when one-sided)
     * @param reason a manager's words, or the automatic step's reason in the reader's language
     * @param reasonCode the automatic step's reason ({@code expired}, {@code changed}, {@code manual},
     *        {@code overtime}, {@code serviceLevel}), or null
     */
    public record Trade(long id, SwapKind kind, SwapStatus status, LocalDate date, Shift shift, Party proposer,
            Party with, LocalDate withDate, Shift withShift, boolean oneSided, Party taker, OffsetDateTime proposedAt,
            OffsetDateTime acceptedAt, String decidedBy, boolean decidedBySystem, OffsetDateTime decidedAt,
            String reason, String reasonCode, OffsetDateTime expiresAt, List<Step> history) {
    }

    public List<Trade> trades(List<Swap> swaps, Locale locale) {
        Map<Long, Operator> byId = new HashMap<>();
        SystemAuthentication.callAsSystem(operators::list).forEach(o -> byId.put(o.getId(), o));
        Map<Long, List<Swap.Step>> histories = store.histories(swaps.stream().map(Swap::id).toList());
        return swaps.stream().map(s -> trade(s, histories.getOrDefault(s.id(), List.of()), byId, locale)).toList();
    }

    public Trade trade(Swap s, Locale locale) {
        return trades(List.of(s), locale).getFirst();
    }

    private static Trade trade(Swap s, List<Swap.Step> steps, Map<Long, Operator> byId, Locale locale) {
        ZoneId zone = s.giveShift().zone();
        String code = s.reason() != null && s.reason().startsWith("code:") ? s.reason().substring(5) : null;
        List<Step> history = steps.stream().map(h -> new Step(h.status(), at(h.at(), zone),
                h.actor(), h.bySystem(), reason(h.reason(), locale))).toList();
        return new Trade(s.id(), s.kind(), s.status(), s.giveDate(), shift(s.giveShift()),
                party(s.proposerOperatorId(), byId), party(s.addresseeOperatorId(), byId),
                s.kind() == SwapKind.SWAP ? s.takeDate() : null, shift(s.takeShift()), s.oneSided(),
                party(s.takerOperatorId(), byId), at(s.proposedAt(), zone), at(s.acceptedAt(), zone), s.decidedBy(),
                s.decidedBySystem(), at(s.decidedAt(), zone), reason(s.reason(), locale), code,
                at(s.expiresAt(), zone), history);
    }

    /** A stored reason as the reader reads it: a code put into words, a manager's words as written. */
    public static String reason(String stored, Locale locale) {
        if (stored == null) {
            return null;
        }
        return stored.startsWith("code:") ? Text.of("swap.reason." + stored.substring(5)).render(locale) : stored;
    }

    private static Shift shift(TradeShift t) {
        if (t == null) {
            return null;
        }
        return new Shift(t.date(), t.localStart(), t.localEnd(), at(t.start(), t.zone()), at(t.end(), t.zone()),
                t.templateCode(), t.queueCode(), t.paidMinutes());
    }

    private static Party party(Long id, Map<Long, Operator> byId) {
        if (id == null) {
            return null;
        }
        Operator o = byId.get(id);
        return o == null ? new Party(String.valueOf(id), "") : new Party(o.getEmployeeNumber(), o.fullName());
    }

    private static OffsetDateTime at(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
