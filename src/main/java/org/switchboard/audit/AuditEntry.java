package org.switchboard.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.switchboard.shared.Text;

/**
 * One entry of the audit trail as stored: facts only.
 *
 * @param at when the change was made (committed with it)
 * @param actor the user name of who made it; {@value AuditTrail#SYSTEM} for automatic work and when nobody was signed in
 * @param subjectType what was changed ({@code roster}, {@code absence}, {@code swap}, {@code openShift},
 *        {@code operator}, {@code team}, {@code contract}, {@code queue}, {@code user})
 * @param subjectId its id (a user's user name)
 * @param before the state before, null when the subject was created (or the kind has none)
 * @param after the state after, null when the subject was deleted (or the kind has none)
 * @param facts what else the sentence needs: names, dates, figures
 */
public record AuditEntry(long id, Instant at, String actor, AuditKind kind, String subjectType, String subjectId,
        Map<String, Object> before, Map<String, Object> after, Map<String, Object> facts) {

    public AuditEntry {
        before = before == null ? null : java.util.Collections.unmodifiableMap(before);
        after = after == null ? null : java.util.Collections.unmodifiableMap(after);
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(facts);
    }

    /** Whether the system made it (an automatic decision, work at start-up, a sign-in refused). */
    public boolean bySystem() {
        return AuditTrail.SYSTEM.equals(actor);
    }

    /** The sentence as a message key with its facts. */
    public Text text() {
        return AuditTexts.text(this);
    }

    /** The sentence in the reader's language. */
    public String text(Locale locale) {
        return text().render(locale);
    }
}
