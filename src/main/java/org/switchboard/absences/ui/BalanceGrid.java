package org.switchboard.absences.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.switchboard.absences.Balance;
import org.switchboard.absences.DayCounting;

/**
 * Balances per absence type in one year: allowance (calendar or working days), carried over, taken, pending (requested
 * and waitlisted) and remaining; a type without an allowance reads "no limit".
 */
final class BalanceGrid extends Grid<Balance> {

    BalanceGrid() {
        setId("time-off-balances");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setWidthFull();
        setMaxWidth("64rem");
        addColumn(b -> AbsenceTexts.type(this, b.type())).setHeader(getTranslation("timeoff.balance.type"))
                .setKey("type").setAutoWidth(true);
        addColumn(this::allowance).setHeader(getTranslation("timeoff.balance.allowance")).setKey("allowance")
                .setAutoWidth(true);
        addColumn(b -> b.carriedOver() == null ? "—" : String.valueOf(b.carriedOver()))
                .setHeader(getTranslation("timeoff.balance.carried")).setKey("carried").setAutoWidth(true);
        addColumn(Balance::taken).setHeader(getTranslation("timeoff.balance.taken")).setKey("taken").setAutoWidth(true);
        addColumn(Balance::pending).setHeader(getTranslation("timeoff.balance.pending")).setKey("pending").setAutoWidth(true);
        addColumn(b -> b.remaining() == null ? getTranslation("timeoff.balance.unlimited") : String.valueOf(b.remaining()))
                .setHeader(getTranslation("timeoff.balance.remaining")).setKey("remaining").setAutoWidth(true);
    }

    private String allowance(Balance b) {
        if (b.unlimited()) {
            return getTranslation("timeoff.balance.unlimited");
        }
        return getTranslation(b.counting() == DayCounting.WORKING ? "timeoff.balance.workingDays"
                : "timeoff.balance.calendarDays", b.allowance());
    }

    void show(List<Balance> balances) {
        setItems(balances);
    }
}
