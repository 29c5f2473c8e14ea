package org.switchboard.schedule;

import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal calendar feed, {@code GET /calendar/{token}.ics}: no sign-in (the token authorises; see
 * SecurityConfiguration), {@code text/calendar; charset=utf-8}, 404 for a token that does not exist (any more).
 */
@RestController
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(CalendarFeeds.PATH_PREFIX + "{file}")
    ResponseEntity<String> feed(@PathVariable String file, Locale locale) {
        String token = file.endsWith(CalendarFeeds.PATH_SUFFIX)
                ? file.substring(0, file.length() - CalendarFeeds.PATH_SUFFIX.length()) : null;
        return feeds.feed(token, locale)
                .map(ics -> ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore()).body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No such calendar feed\n"));
    }
}
