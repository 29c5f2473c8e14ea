package org.switchboard.notifications;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;
import org.switchboard.shared.ValidationFailedException;

/**
 * The signed-in user's notifications under {@code /api/me/notifications}: the list (newest first, texts in the
 * caller's language: {@code Accept-Language}, else the language saved in their account, else English), the unread
 * count, marking one or all read. Another's notification is answered 404.
 */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** One notification of the list. */
    record NotificationJson(long id, String kind, String text, String link, Instant createdAt, boolean read) {
    }

    /** {@code limit} 1 to 200 (default 50), {@code offset} from 0: paging through older ones. */
    @GetMapping
    List<NotificationJson> list(@RequestParam(defaultValue = "" + Notifications.DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset, HttpServletRequest request) {
        if (limit < 1 || limit > Notifications.MAX_LIMIT) {
            throw ValidationFailedException.of("limit", Text.of("error.notifications.limit", Notifications.MAX_LIMIT));
        }
        if (offset < 0) {
            throw ValidationFailedException.of("offset", Text.of("error.notifications.offset"));
        }
        Locale reader = reader(request);
        return notifications.mine(limit, offset).stream().map(n -> new NotificationJson(n.id(), n.kind().name(),
                n.text(reader), n.link(), n.createdAt(), n.read())).toList();
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("count", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notifications.markRead(id);
        return ResponseEntity.noContent().build();
    }

    /** Marks every unread notification of the caller read: {@code {"count": how many}}. */
    @PostMapping("/read-all")
    Map<String, Integer> readAll() {
        return Map.of("count", notifications.markAllRead());
    }

    private Locale reader(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            return Texts.supported(request.getLocale());
        }
        return Texts.supported(notifications.myLocale().orElse(Locale.ENGLISH));
    }
}
