package org.switchboard.absences.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.absences.AbsenceDecisions;
import org.switchboard.absences.AbsenceEntry;
import org.switchboard.absences.DecisionOutcome;

/**
 * Carries out the manager's decisions (one request, or the selected ones each on its own) and lists what became of
 * each: approved, rejected, or why not, e.g. "already approved by marina on 07.12.2026 at 10:15" when another
 * manager was quicker (409), in the reader's language.
 */
final class Decisions extends Div {

    final UnorderedList lines = new UnorderedList();
    RejectDialog rejectDialog;
    private final AbsenceDecisions decisions;
    private final Runnable changed;

    Decisions(AbsenceDecisions decisions, Runnable changed) {
        this.decisions = decisions;
        this.changed = changed;
        setId("approvals-outcome");
        add(lines);
    }

    private String who(AbsenceEntry e) {
        return getTranslation("approvals.outcome.who", e.name(), e.employeeNumber(), AbsenceTexts.type(this, e.type()),
                AbsenceTexts.when(this, e));
    }

    private void line(String text, boolean ok) {
        ListItem item = new ListItem(text);
        item.addClassName(ok ? "ab-success" : "ab-refusal");
        lines.add(item);
    }

    void approve(AbsenceEntry e) {
        if (e == null) {
            return;
        }
        lines.removeAll();
        try {
            AbsenceEntry done = decisions.approve(e.id());
            line(getTranslation("approvals.outcome.done", who(e), AbsenceTexts.status(this, done.status())), true);
        } catch (RuntimeException ex) {
            line(getTranslation("approvals.outcome.notDone", who(e), AbsenceTexts.refusal(this, ex)), false);
        }
        changed.run();
    }

    void reject(AbsenceEntry e) {
        if (e == null) {
            return;
        }
        rejectDialog = new RejectDialog(who(e), reason -> {
            lines.removeAll();
            try {
                AbsenceEntry done = decisions.reject(e.id(), reason);
                line(getTranslation("approvals.outcome.done", who(e), AbsenceTexts.status(this, done.status())), true);
            } catch (RuntimeException ex) {
                line(getTranslation("approvals.outcome.notDone", who(e), AbsenceTexts.refusal(this, ex)), false);
            }
            changed.run();
        });
        rejectDialog.open();
    }

    void approveAll(List<AbsenceEntry> selected) {
        if (selected.isEmpty()) {
            return;
        }
        lines.removeAll();
        try {
            report(selected, decisions.approveAll(selected.stream().map(AbsenceEntry::id).toList()));
        } catch (RuntimeException ex) {
            line(AbsenceTexts.refusal(this, ex), false);
        }
        changed.run();
    }

    void rejectAll(List<AbsenceEntry> selected) {
        if (selected.isEmpty()) {
            return;
        }
        rejectDialog = new RejectDialog(getTranslation("approvals.reject.many", selected.size()), reason -> {
            lines.removeAll();
            try {
                report(selected, decisions.rejectAll(selected.stream().map(AbsenceEntry::id).toList(), reason));
            } catch (RuntimeException ex) {
                line(AbsenceTexts.refusal(this, ex), false);
            }
            changed.run();
        });
        rejectDialog.open();
    }

    private void report(List<AbsenceEntry> selected, List<DecisionOutcome> outcomes) {
        Map<Long, AbsenceEntry> byId = selected.stream().collect(Collectors.toMap(AbsenceEntry::id, Function.identity()));
        for (DecisionOutcome o : outcomes) {
            AbsenceEntry e = byId.get(o.id());
            String who = e == null ? "#" + o.id() : who(e);
            if (o.decided()) {
                line(getTranslation("approvals.outcome.done", who, AbsenceTexts.status(this, o.status())), true);
            } else {
                line(getTranslation("approvals.outcome.notDone", who,
                        o.reason() == null ? "" : o.reason().render(AbsenceTexts.locale(this))), false);
            }
        }
    }

    String text() {
        return lines.getElement().getTextRecursively();
    }
}
