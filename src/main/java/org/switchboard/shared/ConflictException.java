package org.switchboard.shared;

import java.util.Locale;

/**
 * A request that is valid in itself but clashes with the current state of a record (for example solving a roster
 * that is already being solved, or changing a published roster). The REST API answers 409 with the message in the
 * request's language ({@link #message(Locale)}); {@link #getMessage()} is English.
 */
public class ConflictException extends KeyedException {

    /** Literal words, read the same in every language. */
    public ConflictException(String message) {
        this(Text.literal(message));
    }

    /** A message key with its arguments, rendered when read. */
    public ConflictException(Text text) {
        super(text);
    }
}
