package org.switchboard.shared;

import java.util.Locale;

/**
 * A requested record does not exist (or is not visible to the caller). {@link #message(Locale)} says so in the
 * reader's language; {@link #getMessage()} is English.
 */
public class NotFoundException extends KeyedException {

    /**
     * @param what the record's kind in English ("Operator"); when {@code error.record.<what>} is a message key the
     *     kind is translated too
     */
    public NotFoundException(String what, Object id) {
        this(Text.of("error.missing", kind(what), String.valueOf(id)));
    }

    /** A message key with its arguments, rendered when read. */
    public NotFoundException(Text text) {
        super(text);
    }

    private static Text kind(String what) {
        String key = "error.record." + what.replace(' ', '_');
        return Texts.has(key) ? Text.of(key) : Text.literal(what);
    }
}
