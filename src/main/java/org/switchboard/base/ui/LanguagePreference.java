package org.switchboard.base.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the signed-in user's language for the UI is kept (their account, in the security module, which implements
 * this). The frame's language switcher saves through it; before sign-in, or while nothing is saved, the browser's
 * language applies.
 */
public interface LanguagePreference {

    /** The language the signed-in user chose, if any. */
    Optional<Locale> saved();

    /** Saves the signed-in user's choice. */
    void save(Locale locale);
}
