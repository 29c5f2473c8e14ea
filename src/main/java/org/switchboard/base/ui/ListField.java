package org.switchboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A form field holding a list of small records (skills, breaks, opening hours), one editable row each,
 * with Add and Remove. Incomplete rows stay in the value, so the service can say what is missing.
 *
 * @param <R> the row record type
 */
public class ListField<R> extends CustomField<List<R>> {

    /** The editing components of one row and the record they currently describe. */
    public interface Row<R> {
        Component[] components();

        R value();
    }

    private final BiFunction<R, Runnable, Row<R>> rowFactory;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row<R>> rowEditors = new ArrayList<>();
    private final Button add;
    private final List<Button> removeButtons = new ArrayList<>();

    /**
     * @param rowFactory makes a row for a record ({@code null} for a new empty row); the runnable must be
     *     called when the row's components change
     */
    public ListField(String label, String addLabel, BiFunction<R, Runnable, Row<R>> rowFactory) {
        this.rowFactory = rowFactory;
        setLabel(label);
        rows.setPadding(false);
        rows.setSpacing(false);
        add = new Button(addLabel, VaadinIcon.PLUS.create(), e -> {
            addRow(null);
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        VerticalLayout layout = new VerticalLayout(rows, add);
        layout.setPadding(false);
        layout.setSpacing(false);
        add(layout);
    }

    private void addRow(R value) {
        Row<R> row = rowFactory.apply(value, this::updateValue);
        rowEditors.add(row);
        HorizontalLayout line = new HorizontalLayout(row.components());
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.LUMO_ICON);
        remove.setAriaLabel(getTranslation("list.remove"));
        remove.setVisible(!isReadOnly());
        removeButtons.add(remove);
        if (isReadOnly()) {
            readOnly(row, true);
        }
        remove.addClickListener(e -> {
            rowEditors.remove(row);
            removeButtons.remove(remove);
            rows.remove(line);
            updateValue();
        });
        line.add(remove);
        rows.add(line);
    }

    @Override
    protected List<R> generateModelValue() {
        return rowEditors.stream().map(Row::value).toList();
    }

    @Override
    protected void setPresentationValue(List<R> value) {
        rows.removeAll();
        rowEditors.clear();
        removeButtons.clear();
        if (value != null) {
            value.forEach(this::addRow);
        }
    }

    /** Read-only: no Add, no Remove, and every row's own fields read-only (no active steppers). */
    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        add.setVisible(!readOnly);
        removeButtons.forEach(b -> b.setVisible(!readOnly));
        rowEditors.forEach(row -> readOnly(row, readOnly));
    }

    private static void readOnly(Row<?> row, boolean readOnly) {
        for (Component c : row.components()) {
            if (c instanceof HasValue<?, ?> field) {
                field.setReadOnly(readOnly);
            }
        }
    }

    /** The Remove buttons of the rows (for tests). */
    public List<Button> removeButtons() {
        return List.copyOf(removeButtons);
    }

    public Button addButton() {
        return add;
    }
}
