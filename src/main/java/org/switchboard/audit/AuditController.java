package org.switchboard.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;
import org.switchboard.shared.ValidationFailedException;

/**
 * {@code GET /api/audit}: the audit trail for managers and admins, newest first, a page at a time, filtered by time
 * ({@code from}, {@code to}: ISO dates, days in the server's time zone with {@code to} included, or instants), by
 * user ({@code user}: entries they made or about their account) and by kind ({@code kind}, repeated or
 * comma-separated). Each entry's sentence is in the caller's {@code Accept-Language} (English without one). Wrong
 * filters are 400 with the field; other roles 403.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** One entry: the stored facts and the sentence in the caller's language. */
    record EntryJson(long id, Instant at, String actor, String kind, String subjectType, String subjectId,
            Map<String, Object> before, Map<String, Object> after, Map<String, Object> facts, String text) {
    }

    /** A page: {@code total} entries match in all. */
    record PageJson(int page, int size, long total, List<EntryJson> entries) {
    }

    @GetMapping
    PageJson list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String user, @RequestParam(required = false) List<String> kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_SIZE) int size, HttpServletRequest request) {
        ZoneId zone = ZoneId.systemDefault();
        AuditQuery query = new AuditQuery(AuditTimes.from("from", from, zone), AuditTimes.to("to", to, zone), user,
                kinds(kind), page, size);
        Locale reader = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH
                : Texts.supported(request.getLocale());
        AuditPage found = trail.find(query);
        return new PageJson(found.page(), found.size(), found.total(), found.entries().stream()
                .map(e -> new EntryJson(e.id(), e.at(), e.actor(), e.kind().name(), e.subjectType(), e.subjectId(),
                        e.before(), e.after(), e.facts(), e.text(reader)))
                .toList());
    }

    /** The kinds asked for (names in any case, repeated or comma-separated); none: every kind. */
    static Set<AuditKind> kinds(List<String> texts) {
        Set<AuditKind> kinds = EnumSet.noneOf(AuditKind.class);
        if (texts == null) {
            return kinds;
        }
        for (String text : texts) {
            for (String name : text.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(AuditKind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    String cut = name.trim().length() > 40 ? name.trim().substring(0, 40) + "…" : name.trim();
                    throw ValidationFailedException.of("kind", Text.of("audit.error.kind", cut,
                            Arrays.stream(AuditKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
                }
            }
        }
        return kinds;
    }
}
