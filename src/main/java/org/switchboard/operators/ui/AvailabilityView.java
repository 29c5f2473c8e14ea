package org.switchboard.operators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.operators.AvailabilityEntry;
import org.switchboard.operators.AvailabilityService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.SetBy;
import org.switchboard.operators.Wish;
import org.switchboard.operators.WishPeriod;
import org.switchboard.operators.WishPeriods;
import org.switchboard.operators.WishService;
import org.switchboard.shared.Roles;

/**
 * Planners' and managers' view of availability and wishes: the wish periods with their deadlines (planners add and
 * remove them), every operator with their availability and the number of wishes in periods that have not ended, and
 * for the chosen operator the rows and wishes in full; planners add override rows (they win over the operator's on
 * the dates they apply to) and add or remove wishes whatever the deadline. Managers read.
 */
@Route("availability")
@Menu(title = "menu.availability", order = 17, icon = "vaadin:calendar-clock")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class AvailabilityView extends VerticalLayout implements HasDynamicTitle {

    final Grid<WishPeriod> periods = new Grid<>();
    final Grid<Operator> operators = new Grid<>();
    final Div detail = new Div();
    final DatePicker periodStart = new DatePicker();
    final DatePicker periodEnd = new DatePicker();
    final DatePicker deadlineDate = new DatePicker();
    final TimePicker deadlineTime = new TimePicker();
    final Button addPeriod = new Button();
    AvailabilityEditor availability;
    WishesPanel wishes;

    private final AvailabilityService availabilityService;
    private final WishService wishService;
    private final WishPeriods periodService;
    private final boolean canEdit;
    private final ZoneId zone;
    private final LocalDate today;

    public AvailabilityView(OperatorService operatorService, AvailabilityService availabilityService,
            WishService wishService, WishPeriods periodService, AuthenticationContext auth) {
        this.availabilityService = availabilityService;
        this.wishService = wishService;
        this.periodService = periodService;
        this.canEdit = auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER);
        List<Operator> all = operatorService.list().stream().filter(Operator::isActive).toList();
        // the site's zone: the operators'
        this.zone = all.stream().map(Operator::zone).findFirst().orElse(ZoneId.of("Europe/Moscow"));
        this.today = LocalDate.now(zone);
        add(new H2(getTranslation("menu.availability")));
        add(new H3(getTranslation("wishes.periods")));
        periodsGrid();
        add(periods);
        if (canEdit) {
            add(periodForm());
        }
        add(new H3(getTranslation("availability.operators")));
        operatorsGrid(all);
        add(operators, detail);
        detail.setWidthFull();
        detail.setId("availability-detail");
    }

    private void periodsGrid() {
        var l = AvailabilityTexts.locale(this);
        periods.setAllRowsVisible(true);
        periods.addColumn(p -> AvailabilityTexts.date(p.startDate(), l)).setHeader(getTranslation("wishes.period.start"));
        periods.addColumn(p -> AvailabilityTexts.date(p.endDate(), l)).setHeader(getTranslation("wishes.period.end"));
        periods.addColumn(p -> {
            var d = p.deadline().atZone(zone);
            return AvailabilityTexts.date(d.toLocalDate(), l) + " " + AvailabilityTexts.time(d.toLocalTime());
        }).setHeader(getTranslation("wishes.period.deadline"));
        periods.addColumn(p -> getTranslation(p.openAt(Instant.now()) ? "wishes.period.isOpen" : "wishes.period.isClosed"))
                .setHeader(getTranslation("wishes.period.state"));
        if (canEdit) {
            periods.addComponentColumn(p -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                    periodService.delete(p.id());
                    refreshPeriods();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("wishes.period.remove"));
                return remove;
            }).setWidth("4rem").setFlexGrow(0);
        }
        periods.setEmptyStateText(getTranslation("wishes.noPeriod"));
        refreshPeriods();
    }

    private HorizontalLayout periodForm() {
        var l = AvailabilityTexts.locale(this);
        periodStart.setLabel(getTranslation("wishes.period.start"));
        periodEnd.setLabel(getTranslation("wishes.period.end"));
        deadlineDate.setLabel(getTranslation("wishes.period.deadline"));
        for (DatePicker p : List.of(periodStart, periodEnd, deadlineDate)) {
            DatePickers.localize(p, l);
        }
        deadlineTime.setLabel(getTranslation("wishes.period.deadlineTime"));
        deadlineTime.setLocale(l);
        deadlineTime.setValue(LocalTime.of(18, 0));
        addPeriod.setText(getTranslation("wishes.period.add"));
        addPeriod.setId("wish-period-add");
        addPeriod.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addPeriod.addClickListener(e -> addPeriod());
        HorizontalLayout form = new HorizontalLayout(periodStart, periodEnd, deadlineDate, deadlineTime, addPeriod);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    void addPeriod() {
        try {
            Instant deadline = deadlineDate.getValue() == null ? null
                    : deadlineDate.getValue().atTime(deadlineTime.getValue() == null ? LocalTime.MIDNIGHT
                            : deadlineTime.getValue()).atZone(zone).toInstant();
            periodService.create(periodStart.getValue(), periodEnd.getValue(), deadline);
            periodStart.clear();
            periodEnd.clear();
            deadlineDate.clear();
            refreshPeriods();
        } catch (RuntimeException ex) {
            AvailabilityTexts.error(ex);
        }
    }

    private void refreshPeriods() {
        periods.setItems(periodService.list().stream().filter(p -> !p.endDate().isBefore(today)).toList());
    }

    private void operatorsGrid(List<Operator> all) {
        Map<Long, List<AvailabilityEntry>> rows = availabilityService.all();
        Map<Long, Long> wishCounts = wishService.wishes(null, today, null).stream()
                .collect(Collectors.groupingBy(Wish::operatorId, Collectors.counting()));
        operators.addColumn(o -> o.getEmployeeNumber() + " " + o.fullName()).setHeader(getTranslation("availability.operator"))
                .setAutoWidth(true).setSortable(true);
        operators.addColumn(o -> summary(rows.getOrDefault(o.getId(), List.of())))
                .setHeader(getTranslation("availability.recurring")).setFlexGrow(1);
        operators.addColumn(o -> wishCounts.getOrDefault(o.getId(), 0L)).setHeader(getTranslation("wishes.count"))
                .setAutoWidth(true).setSortable(true);
        operators.setItems(all);
        operators.setHeight("22rem");
        operators.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
    }

    private String summary(List<AvailabilityEntry> rows) {
        var l = AvailabilityTexts.locale(this);
        return rows.stream().map(r -> AvailabilityTexts.days(r.days(), l) + ": " + AvailabilityTexts.hours(this, r)
                        + (r.setBy() == SetBy.PLANNER ? " (" + AvailabilityTexts.setBy(this, SetBy.PLANNER) + ")" : ""))
                .collect(Collectors.joining("; "));
    }

    /** Shows one operator's rows and wishes in full (editable for planners). */
    void open(Operator o) {
        detail.removeAll();
        String number = o.getEmployeeNumber();
        detail.add(new H3(o.fullName() + " (" + number + ")"));
        availability = new AvailabilityEditor(SetBy.PLANNER,
                canEdit ? entries -> availabilityService.override(number, entries) : null);
        availability.show(availabilityService.of(number));
        wishes = new WishesPanel(o.zone(), () -> wishService.of(number, today, null),
                canEdit ? w -> wishService.addFor(number, w) : null, id -> wishService.deleteFor(number, id), false);
        detail.add(availability, wishes);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.availability");
    }
}
