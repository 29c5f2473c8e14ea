package org.switchboard.shared;

import java.util.Locale;

/**
 * A refusal whose reason is a {@link Text} (a message key with its facts), rendered when read: {@link #getMessage()}
 * in English (logs), {@link #message(Locale)} in the reader's language.
 */
public abstract class KeyedException extends RuntimeException {

    private final Text text;

    protected KeyedException(Text text) {
        super(text.english());
        this.text = text;
    }

    public Text text() {
        return text;
    }

    /** The message in the reader's language. */
    public String message(Locale locale) {
        return text.render(locale);
    }
}
