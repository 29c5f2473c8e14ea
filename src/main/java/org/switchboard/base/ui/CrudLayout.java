package org.switchboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A master-detail screen: a search box and "New" above a sortable grid, and the {@link EditorPanel} for the
 * selected row beside it. Selecting a row opens a fresh copy from the service in the editor.
 *
 * @param <T> the record type
 */
public class CrudLayout<T> extends HorizontalLayout {

    private final Grid<T> grid;
    private final EditorPanel<T> editor;
    private final Supplier<List<T>> loader;
    private final Function<T, String> searchText;
    private final TextField search = new TextField();
    private final Button add;
    private final HorizontalLayout toolbar;
    private GridListDataView<T> dataView;

    /**
     * @param loader loads all records for the grid
     * @param searchText the text a row is searched in (lower-cased here)
     * @param newBean a new record with defaults, for "New"
     * @param freshCopy reloads a record from the service for editing
     */
    public CrudLayout(Grid<T> grid, EditorPanel<T> editor, Supplier<List<T>> loader, Function<T, String> searchText,
            String newLabel, Supplier<T> newBean, Function<T, T> freshCopy) {
        this.grid = grid;
        this.editor = editor;
        this.loader = loader;
        this.searchText = searchText;
        setSizeFull();
        setSpacing(false);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS);
        grid.setSizeFull();
        grid.setMultiSort(true);
        grid.getColumns().forEach(c -> c.setAutoWidth(true).setResizable(true));
        grid.asSingleSelect().addValueChangeListener(e -> editor.edit(e.getValue() == null ? null : freshCopy.apply(e.getValue())));
        search.setPlaceholder(getTranslation("crud.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter());
        search.setId("search");
        add = new Button(newLabel, VaadinIcon.PLUS.create(), e -> {
            grid.asSingleSelect().clear();
            editor.edit(newBean.get());
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("new-record");
        toolbar = new HorizontalLayout(search, add);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout main = new VerticalLayout(toolbar, grid);
        main.setSizeFull();
        add(main, editor);
        editor.setAfterChange(this::refresh);
        refresh();
    }

    /** Adds components (filters) to the toolbar before the "New" button. */
    public void addToToolbar(Component... components) {
        for (Component c : components) {
            toolbar.addComponentAtIndex(toolbar.getComponentCount() - 1, c);
        }
    }

    /** Users who may only read get no "New" button and a read-only editor. */
    public void setEditable(boolean editable) {
        add.setVisible(editable);
        editor.setEditable(editable);
    }

    public void refresh() {
        grid.asSingleSelect().clear();
        dataView = grid.setItems(loader.get());
        applyFilter();
    }

    /** Re-applies the search text, combined with an extra filter from the toolbar. */
    public void applyFilter() {
        String text = search.getValue().trim().toLowerCase(Locale.ROOT);
        dataView.setFilter(item -> (text.isEmpty() || searchText.apply(item).toLowerCase(Locale.ROOT).contains(text))
                && extraFilter.test(item));
    }

    private java.util.function.Predicate<T> extraFilter = item -> true;

    public void setExtraFilter(java.util.function.Predicate<T> filter) {
        this.extraFilter = filter;
        applyFilter();
    }

    public Grid<T> grid() {
        return grid;
    }

    public EditorPanel<T> editor() {
        return editor;
    }

    public TextField search() {
        return search;
    }

    public Button addButton() {
        return add;
    }
}
