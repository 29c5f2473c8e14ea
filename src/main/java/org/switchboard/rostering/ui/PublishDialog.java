package org.switchboard.rostering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.switchboard.rostering.PublishPreview;
import org.switchboard.rostering.Roster;

/**
 * Confirms a publish with what it changes against the schedule published now: how many new, changed and removed
 * shifts for how many operators, and per operator and day the shift before and after.
 */
final class PublishDialog extends Dialog {

    final Paragraph summary = new Paragraph();
    final Grid<PublishPreview.Change> changes = new Grid<>();
    final Button confirm = new Button();

    PublishDialog(Roster roster, PublishPreview preview, Runnable publish) {
        Locale l = RosterTexts.locale(this);
        setHeaderTitle(getTranslation("board.publish.header", roster.id()));
        setId("publish-dialog");
        setWidth("min(64rem, 95vw)");
        boolean broken = roster.hard() != null && roster.hard() < 0;
        summary.setId("publish-summary");
        summary.setText(getTranslation("board.publish.summary", preview.newShifts(), preview.changedShifts(),
                preview.removedShifts(), preview.operators(), RosterTexts.period(this, roster)));
        changes.setId("publish-changes");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.addColumn(c -> c.operatorName() + " (" + c.employeeNumber() + ")")
                .setHeader(getTranslation("board.operator")).setAutoWidth(true);
        changes.addColumn(c -> RosterTexts.date(c.date(), l)).setHeader(getTranslation("solve.date")).setAutoWidth(true);
        changes.addColumn(c -> getTranslation("board.publish.kind." + c.kind().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("board.publish.change")).setAutoWidth(true).setKey("kind");
        changes.addColumn(c -> shift(c.before())).setHeader(getTranslation("board.publish.before")).setFlexGrow(1);
        changes.addColumn(c -> shift(c.after())).setHeader(getTranslation("board.publish.after")).setFlexGrow(1);
        changes.setItems(preview.changes());
        changes.setHeight("20em");
        add(summary);
        if (broken) {
            Paragraph warning = new Paragraph(getTranslation("board.publish.broken", RosterTexts.period(this, roster)));
            warning.addClassName("sb-error");
            add(warning);
        }
        add(changes);
        confirm.setText(getTranslation("board.publish"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, broken ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        confirm.setId("publish-confirm");
        confirm.addClickListener(e -> {
            close();
            publish.run();
        });
        getFooter().add(new Button(getTranslation("board.cancel"), e -> close()), confirm);
    }

    private String shift(PublishPreview.Shift s) {
        if (s == null) {
            return getTranslation("board.off.title");
        }
        return s.shiftTemplate() + " " + RosterTexts.time(s.start().toLocalTime()) + "–"
                + RosterTexts.time(s.end().toLocalTime()) + (s.queue().isEmpty() ? "" : " " + s.queue());
    }
}
