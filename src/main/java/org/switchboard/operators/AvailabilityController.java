package org.switchboard.operators;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.RequestDates;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Availability and wishes over REST (see README): the signed-in operator's own under {@code /api/me}, any operator's
 * for planners (and admins; managers read) under {@code /api/operators/{employeeNumber}}, and the wish periods under
 * {@code /api/wish-periods}. The services check the roles.
 */
@RestController
class AvailabilityController {

    private final AvailabilityService availability;
    private final WishService wishes;
    private final WishPeriods periods;

    AvailabilityController(AvailabilityService availability, WishService wishes, WishPeriods periods) {
        this.availability = availability;
        this.wishes = wishes;
        this.periods = periods;
    }

    /** One availability row; times "HH:mm", dates ISO; {@code setBy} OPERATOR or PLANNER (read only). */
    record EntryJson(Long id, Set<DayOfWeek> days, Boolean available, String from, String until, LocalDate validFrom,
            LocalDate validTo, String note, SetBy setBy, String changedBy, Instant changedAt) {

        static EntryJson of(AvailabilityEntry e) {
            return new EntryJson(e.id(), e.days(), e.available(), time(e.from()), time(e.until()), e.validFrom(),
                    e.validTo(), e.note(), e.setBy(), e.changedBy(), e.changedAt());
        }

        AvailabilityEntry entry(int index) {
            return AvailabilityEntry.of(days, available == null || available, parse(index, "from", from),
                    parse(index, "until", until), validFrom, validTo, note);
        }
    }

    record WishJson(long id, WishType type, LocalDate date, PreferredShift kind, long periodId, String note,
            SetBy setBy, String createdBy, Instant createdAt) {

        static WishJson of(Wish w) {
            return new WishJson(w.id(), w.type(), w.date(), w.kind(), w.periodId(), w.note(), w.setBy(), w.createdBy(),
                    w.createdAt());
        }
    }

    record PeriodJson(long id, LocalDate startDate, LocalDate endDate, Instant deadline, Boolean open) {

        static PeriodJson of(WishPeriod p, Boolean open) {
            return new PeriodJson(p.id(), p.startDate(), p.endDate(), p.deadline(), open);
        }
    }

    record WishesJson(List<WishJson> wishes, List<PeriodJson> periods) {

        static WishesJson of(MyWishes w) {
            return new WishesJson(w.wishes().stream().map(WishJson::of).toList(),
                    w.periods().stream().map(p -> PeriodJson.of(p.period(), p.open())).toList());
        }
    }

    /** The body of {@code POST /api/wish-periods}: dates ISO, the deadline ISO-8601 with an offset. */
    record PeriodBody(LocalDate startDate, LocalDate endDate, OffsetDateTime deadline) {}

    // the signed-in operator's own

    @GetMapping("/api/me/availability")
    List<EntryJson> myAvailability() {
        return availability.mine().stream().map(EntryJson::of).toList();
    }

    @PutMapping("/api/me/availability")
    List<EntryJson> replaceMyAvailability(@RequestBody List<EntryJson> body) {
        return availability.replaceMine(entries(body)).stream().map(EntryJson::of).toList();
    }

    @GetMapping("/api/me/wishes")
    WishesJson myWishes(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return WishesJson.of(wishes.mine(date("from", from), date("to", to)));
    }

    @PostMapping("/api/me/wishes")
    ResponseEntity<WishJson> addMyWish(@RequestBody NewWish body) {
        Wish w = wishes.addMine(body);
        return ResponseEntity.created(URI.create("/api/me/wishes/" + w.id())).body(WishJson.of(w));
    }

    @DeleteMapping("/api/me/wishes/{id}")
    ResponseEntity<Void> deleteMyWish(@PathVariable long id) {
        wishes.deleteMine(id);
        return ResponseEntity.noContent().build();
    }

    // any operator's, for planners (managers read)

    @GetMapping("/api/operators/{employeeNumber}/availability")
    List<EntryJson> availability(@PathVariable String employeeNumber) {
        return availability.of(employeeNumber).stream().map(EntryJson::of).toList();
    }

    /** Replaces the planner's override rows of the operator. */
    @PutMapping("/api/operators/{employeeNumber}/availability")
    List<EntryJson> override(@PathVariable String employeeNumber, @RequestBody List<EntryJson> body) {
        return availability.override(employeeNumber, entries(body)).stream().map(EntryJson::of).toList();
    }

    @GetMapping("/api/operators/{employeeNumber}/wishes")
    WishesJson wishes(@PathVariable String employeeNumber, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return WishesJson.of(wishes.of(employeeNumber, date("from", from), date("to", to)));
    }

    @PostMapping("/api/operators/{employeeNumber}/wishes")
    ResponseEntity<WishJson> addWish(@PathVariable String employeeNumber, @RequestBody NewWish body) {
        Wish w = wishes.addFor(employeeNumber, body);
        return ResponseEntity.created(URI.create("/api/operators/" + employeeNumber + "/wishes/" + w.id()))
                .body(WishJson.of(w));
    }

    @DeleteMapping("/api/operators/{employeeNumber}/wishes/{id}")
    ResponseEntity<Void> deleteWish(@PathVariable String employeeNumber, @PathVariable long id) {
        wishes.deleteFor(employeeNumber, id);
        return ResponseEntity.noContent().build();
    }

    // wish periods

    @GetMapping("/api/wish-periods")
    List<PeriodJson> periods() {
        Instant now = Instant.now();
        return periods.list().stream().map(p -> PeriodJson.of(p, p.openAt(now))).toList();
    }

    @PostMapping("/api/wish-periods")
    ResponseEntity<PeriodJson> createPeriod(@RequestBody PeriodBody body) {
        WishPeriod p = periods.create(body.startDate(), body.endDate(), instant(body.deadline()));
        return ResponseEntity.created(URI.create("/api/wish-periods/" + p.id()))
                .body(PeriodJson.of(p, p.openAt(Instant.now())));
    }

    @PutMapping("/api/wish-periods/{id}")
    PeriodJson updatePeriod(@PathVariable long id, @RequestBody PeriodBody body) {
        WishPeriod p = periods.update(id, body.startDate(), body.endDate(), instant(body.deadline()));
        return PeriodJson.of(p, p.openAt(Instant.now()));
    }

    @DeleteMapping("/api/wish-periods/{id}")
    ResponseEntity<Void> deletePeriod(@PathVariable long id) {
        periods.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static List<AvailabilityEntry> entries(List<EntryJson> body) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.of("error.availability.missing"));
        }
        return java.util.stream.IntStream.range(0, body.size())
                .mapToObj(i -> body.get(i) == null ? null : body.get(i).entry(i)).toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString();
    }

    private static LocalTime parse(int index, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("[" + index + "]." + field, Text.of("error.availability.notTime", text));
        }
    }

    private static LocalDate date(String field, String text) {
        return RequestDates.optional(field, text, "error.availability.notDate");
    }
}
