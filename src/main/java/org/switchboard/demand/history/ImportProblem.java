package org.switchboard.demand.history;

import java.util.Locale;
import java.util.Objects;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;

/**
 * One thing wrong with an import file: where (line, column) and what, as a message key with its facts so that each
 * reader reads it in their language ({@link #message(Locale)}); {@link #message()} is English. Two problems are equal
 * when they stand at the same place and say the same in English.
 */
public record ImportProblem(long line, String column, Text reason) {

    /** A problem in literal words (the same in every language). */
    public ImportProblem(long line, String column, String message) {
        this(line, column, Text.literal(message));
    }

    /** What is wrong, in English. */
    public String message() {
        return reason.english();
    }

    /** What is wrong, in the reader's language. */
    public String message(Locale locale) {
        return reason.render(locale);
    }

    /** Where and what, in the reader's language ("line 7, column start: ..."), as {@link #toString()} in English. */
    public String describe(Locale locale) {
        return column == null ? Texts.render("error.import.at.line", locale, String.valueOf(line), message(locale))
                : Texts.render("error.import.at.lineColumn", locale, String.valueOf(line), column, message(locale));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportProblem p && p.line == line && Objects.equals(p.column, column)
                && p.message().equals(message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, message());
    }

    @Override
    public String toString() {
        return describe(Locale.ENGLISH);
    }
}
