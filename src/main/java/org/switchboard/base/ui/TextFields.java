package org.switchboard.base.ui;

import com.vaadin.flow.data.converter.Converter;

/** Converters for text fields. */
public final class TextFields {

    /** Codes are upper case: what the user types is trimmed and upper-cased before validation. */
    public static final Converter<String, String> UPPER_CASE =
            Converter.from(v -> com.vaadin.flow.data.binder.Result.ok(v == null || v.isBlank() ? null : v.trim().toUpperCase()), v -> v == null ? "" : v);

    private TextFields() {}
}
