package org.switchboard.rostering.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.switchboard.rostering.RuleBreach;

/**
 * The score in plain words: one line per broken rule, operator and day, worst first. Clicking a line selects the
 * operator on the board and scrolls to the day.
 */
final class ExplanationPanel extends VerticalLayout {

    final Grid<RuleBreach> grid = new Grid<>(RuleBreach.class, false);
    final Paragraph summary = new Paragraph();

    ExplanationPanel(BiConsumer<String, java.time.LocalDate> focus) {
        setPadding(false);
        setSpacing(false);
        setWidthFull();
        Locale l = RosterTexts.locale(this);
        grid.setId("explanation");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(b -> getTranslation("solve.level." + b.level())).setHeader(getTranslation("solve.level"))
                .setWidth("7rem").setFlexGrow(0).setKey("level");
        grid.addColumn(b -> b.employeeNumber() == null ? "" : b.operatorName() + " (" + b.employeeNumber() + ")")
                .setHeader(getTranslation("board.operator")).setWidth("14rem").setFlexGrow(0).setKey("operator");
        grid.addColumn(b -> RosterTexts.date(b.date(), l)).setHeader(getTranslation("solve.date"))
                .setWidth("7rem").setFlexGrow(0).setKey("date");
        grid.addColumn(RuleBreach::text).setHeader(getTranslation("solve.what")).setFlexGrow(1).setKey("text");
        grid.setHeight("16em");
        grid.addItemClickListener(e -> focus.accept(e.getItem().employeeNumber(), e.getItem().date()));
        summary.setId("explanation-summary");
        add(summary, grid);
    }

    void show(List<RuleBreach> breaches) {
        grid.setItems(breaches);
        summary.setText(breaches.isEmpty() ? getTranslation("solve.explanation.none")
                : getTranslation("solve.explanation.count", breaches.size()));
    }
}
