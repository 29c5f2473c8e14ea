package org.switchboard.absences;

import java.util.List;
import java.util.Locale;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.Text;

/**
 * A request for more days than the operator's balance has left: nothing was stored. The REST API answers 422 with
 * {@code violations: [{rule, message}]}; {@link #in(Locale)} gives the violations in the reader's language.
 */
public class BalanceExceededException extends RuleViolationsException {

    private final List<Text> reasons;

    public BalanceExceededException(List<Text> reasons) {
        super(render(reasons, Locale.ENGLISH));
        this.reasons = List.copyOf(reasons);
    }

    public List<Text> reasons() {
        return reasons;
    }

    /** The same refusal with its messages in the reader's language. */
    public RuleViolationsException in(Locale locale) {
        return new RuleViolationsException(render(reasons, locale));
    }

    private static List<RuleViolation> render(List<Text> reasons, Locale locale) {
        return reasons.stream().map(t -> new RuleViolation(BalanceCalculator.RULE, t.render(locale))).toList();
    }
}
