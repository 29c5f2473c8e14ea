package org.switchboard.notifications;

import java.time.Instant;
import java.util.Locale;
import org.switchboard.shared.Text;

/**
 * One notification as its recipient reads it.
 *
 * @param text the sentence as a message key with its facts, rendered in the reader's language ({@link #text(Locale)})
 * @param link the route of the screen it is about ({@code my-schedule}), or null
 */
public record Notification(long id, NotificationKind kind, Text text, String link, Instant createdAt, boolean read) {

    /** The sentence in the reader's language. */
    public String text(Locale locale) {
        return text.render(locale);
    }
}
