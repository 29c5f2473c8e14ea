package org.switchboard.absences.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.absences.AbsenceEntry;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.base.ui.Notifications;

/**
 * Absences as a list: kind, dates, status, who decided and when, the reason of a rejection, the note, and Cancel for
 * those that have not started (after a confirmation; for an approved one the manager is told). With {@code withPerson}
 * the operator's name and number come first (the planners' list).
 */
final class RequestList extends Grid<AbsenceEntry> {

    ConfirmDialog confirm;
    private final TimeOffRequests requests;
    private final Runnable changed;
    private Consumer<String> refused = org.switchboard.base.ui.Notifications::error;

    RequestList(TimeOffRequests requests, boolean withPerson, Runnable changed) {
        this.requests = requests;
        this.changed = changed;
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setWidthFull();
        if (withPerson) {
            addColumn(e -> e.name() + " (" + e.employeeNumber() + ")").setHeader(getTranslation("absences.ui.operator"))
                    .setKey("operator").setAutoWidth(true).setSortable(true);
        }
        addColumn(e -> AbsenceTexts.type(this, e.type())).setHeader(getTranslation("absences.ui.type")).setKey("type")
                .setAutoWidth(true);
        addColumn(e -> AbsenceTexts.when(this, e)).setHeader(getTranslation("absences.ui.when")).setKey("when")
                .setAutoWidth(true);
        addColumn(e -> AbsenceTexts.status(this, e.status())).setHeader(getTranslation("absences.ui.status"))
                .setKey("status").setAutoWidth(true);
        addColumn(e -> AbsenceTexts.decided(this, e)).setHeader(getTranslation("absences.ui.decided")).setKey("decided")
                .setFlexGrow(1);
        addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader(getTranslation("absences.ui.reason"))
                .setKey("reason").setFlexGrow(1);
        addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("absences.ui.note")).setKey("note")
                .setFlexGrow(1);
        addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        setEmptyStateText(getTranslation("absences.ui.none"));
    }

    /** Where a refused cancellation is told (a notification unless set). */
    void onRefusal(Consumer<String> refused) {
        this.refused = refused;
    }

    static boolean cancellable(AbsenceEntry e) {
        return e.status().isActive() && e.start().toInstant().isAfter(Instant.now());
    }

    private com.vaadin.flow.component.Component actions(AbsenceEntry e) {
        if (!cancellable(e)) {
            return new Span();
        }
        Button cancel = new Button(getTranslation("absences.ui.cancel"), click -> askCancel(e));
        cancel.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        cancel.setId("cancel-absence-" + e.id());
        return cancel;
    }

    void askCancel(AbsenceEntry e) {
        confirm = new ConfirmDialog();
        confirm.setId("cancel-confirm");
        confirm.setHeader(getTranslation("absences.ui.cancel.title"));
        String text = getTranslation("absences.ui.cancel.text", AbsenceTexts.type(this, e.type()),
                AbsenceTexts.when(this, e));
        if (e.status() == AbsenceStatus.APPROVED) {
            text += " " + getTranslation("absences.ui.cancel.approved");
        }
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("absences.ui.cancel.keep"));
        confirm.setConfirmText(getTranslation("absences.ui.cancel.confirm"));
        confirm.addConfirmListener(c -> cancel(e));
        confirm.open();
    }

    private void cancel(AbsenceEntry e) {
        try {
            requests.cancel(e.id());
            Notifications.success(getTranslation("absences.ui.cancelled"));
        } catch (RuntimeException ex) {
            refused.accept(AbsenceTexts.refusal(this, ex));
        }
        changed.run();
    }

    void show(List<AbsenceEntry> entries) {
        setItems(entries);
    }
}
