package org.switchboard.operators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.operators.MyWishes;
import org.switchboard.operators.NewWish;
import org.switchboard.operators.PreferredShift;
import org.switchboard.operators.Wish;
import org.switchboard.operators.WishType;

/**
 * An operator's wishes with the wish periods that have not ended (each with its deadline), a form to add a wish and a
 * button per wish that removes it. The service calls refuse what the caller may not do (after the deadline an
 * operator is told so); {@code canChange} only hides buttons that would be refused.
 */
class WishesPanel extends VerticalLayout {

    final UnorderedList periods = new UnorderedList();
    final Grid<Wish> grid = new Grid<>();
    final Select<WishType> type = new Select<>();
    final Select<PreferredShift> kind = new Select<>();
    final DatePicker date = new DatePicker();
    final TextField note = new TextField();
    final Button add = new Button();
    private final Supplier<MyWishes> load;
    private final Function<NewWish, Wish> save;
    private final Consumer<Long> delete;
    private final boolean deadlineBinds;
    private MyWishes current;
    private final ZoneId zone;

    /**
     * @param save adds a wish; null = read only
     * @param deadlineBinds whether the caller may change wishes only in open periods (an operator; not a planner)
     */
    WishesPanel(ZoneId zone, Supplier<MyWishes> load, Function<NewWish, Wish> save, Consumer<Long> delete,
            boolean deadlineBinds) {
        this.zone = zone;
        this.load = load;
        this.save = save;
        this.delete = delete;
        this.deadlineBinds = deadlineBinds;
        setPadding(false);
        add(new H3(getTranslation("wishes.title")));
        periods.setId("wish-periods");
        add(periods);
        grid.setAllRowsVisible(true);
        grid.addColumn(w -> AvailabilityTexts.wish(this, w)).setHeader(getTranslation("wishes.wish")).setAutoWidth(true);
        grid.addColumn(w -> w.note() == null ? "" : w.note()).setHeader(getTranslation("availability.note"));
        grid.addColumn(w -> AvailabilityTexts.setBy(this, w.setBy())).setHeader(getTranslation("availability.setBy"))
                .setAutoWidth(true);
        if (save != null) {
            grid.addComponentColumn(w -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> remove(w));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("wishes.remove"));
                remove.setVisible(!deadlineBinds || open(w.periodId()));
                return remove;
            }).setWidth("4rem").setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("wishes.none"));
        add(grid);
        if (save != null) {
            add(form());
        }
        refresh();
    }

    private HorizontalLayout form() {
        type.setLabel(getTranslation("wishes.type"));
        type.setItems(WishType.values());
        type.setItemLabelGenerator(t -> getTranslation("wishes.type." + t.name()));
        type.setValue(WishType.DAY_OFF);
        kind.setLabel(getTranslation("wishes.kind"));
        kind.setItems(PreferredShift.values());
        kind.setItemLabelGenerator(k -> AvailabilityTexts.kind(this, k));
        kind.setEnabled(false);
        type.addValueChangeListener(e -> kind.setEnabled(e.getValue() == WishType.SHIFT_KIND));
        date.setLabel(getTranslation("wishes.date"));
        date.setHelperText(getTranslation("wishes.date.helper"));
        date.setClearButtonVisible(true);
        DatePickers.localize(date, AvailabilityTexts.locale(this));
        note.setLabel(getTranslation("availability.note"));
        note.setMaxLength(500);
        add.setText(getTranslation("wishes.add"));
        add.setId("wish-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addWish());
        HorizontalLayout form = new HorizontalLayout(type, kind, date, note, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /** Whether the wish period is open for operators' changes. */
    boolean open(long periodId) {
        return current != null && current.periods().stream().anyMatch(p -> p.period().id() == periodId && p.open());
    }

    void refresh() {
        MyWishes w = load.get();
        current = w;
        periods.removeAll();
        if (w.periods().isEmpty()) {
            periods.add(new ListItem(getTranslation("wishes.noPeriod")));
        }
        w.periods().forEach(p -> periods.add(new ListItem(AvailabilityTexts.period(this, p.period(), p.open(), zone))));
        grid.setItems(w.wishes());
    }

    void addWish() {
        try {
            save.apply(new NewWish(type.getValue(), date.getValue(),
                    type.getValue() == WishType.SHIFT_KIND ? kind.getValue() : null, null, note.getValue()));
            date.clear();
            note.clear();
            refresh();
        } catch (RuntimeException ex) {
            AvailabilityTexts.error(ex);
        }
    }

    private void remove(Wish w) {
        try {
            delete.accept(w.id());
            refresh();
        } catch (RuntimeException ex) {
            AvailabilityTexts.error(ex);
        }
    }
}
