package org.switchboard.rostering.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RuleTexts;
import org.switchboard.rostering.Substitution;
import org.switchboard.rostering.Substitution.Candidate;
import org.switchboard.rostering.Substitution.OpenShiftView;
import org.switchboard.rostering.SubstituteReason;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolationsException;

/**
 * The shifts approved absences opened in published rosters (all of them, or one roster's with {@code ?roster=id}):
 * date, time, queue, the absent operator and why. For the selected shift, the substitutes best first with what each
 * changes (hours against the contract, nights, weekends, the rules' score changes), and for planners an Assign button
 * per substitute and "Replan affected days", which makes a draft of the roster where only the open days may change and
 * opens its board. Managers read only.
 */
@Route("open-shifts")
@Menu(title = "menu.openShifts", order = 46, icon = "vaadin:user-clock")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class OpenShiftsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<OpenShiftView> shifts = new Grid<>(OpenShiftView.class, false);
    final Grid<Candidate> candidates = new Grid<>(Candidate.class, false);
    final H3 candidatesTitle = new H3();
    final Div empty = new Div();
    final Button replan = new Button();
    private final Substitution substitution;
    private final RuleTexts texts;
    private final boolean canEdit;
    private Long rosterId;

    final AddOpenShiftForm addForm;

    public OpenShiftsView(Substitution substitution, RuleTexts texts, AuthenticationContext auth,
            org.switchboard.rostering.RosterService rosters, org.switchboard.rostering.ShiftTemplateService templates) {
        this.substitution = substitution;
        this.texts = texts;
        this.canEdit = auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER);
        setSizeFull();
        Locale l = RosterTexts.locale(this);
        shifts.setId("open-shifts");
        shifts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        shifts.addColumn(s -> texts.date(s.date(), l)).setHeader(getTranslation("openShifts.column.date"))
                .setKey("date").setAutoWidth(true);
        shifts.addColumn(s -> RosterTexts.time(s.start()) + "–" + RosterTexts.time(s.end()))
                .setHeader(getTranslation("openShifts.column.time")).setKey("time").setAutoWidth(true);
        shifts.addColumn(s -> s.queue() == null ? "" : s.queue()).setHeader(getTranslation("openShifts.column.queue"))
                .setKey("queue").setAutoWidth(true);
        shifts.addColumn(s -> s.absentEmployeeNumber() == null ? "" : s.absentEmployeeNumber() + " " + s.absentName())
                .setHeader(getTranslation("openShifts.column.absent")).setKey("absent").setFlexGrow(2);
        shifts.addColumn(s -> s.absenceType() == null ? getTranslation("substitute.added")
                : getTranslation("substitute.absence." + s.absenceType().name()))
                .setHeader(getTranslation("openShifts.column.type")).setKey("type").setAutoWidth(true);
        shifts.addColumn(this::status).setHeader(getTranslation("openShifts.column.status")).setKey("status")
                .setFlexGrow(2);
        shifts.setHeight("40%");
        shifts.asSingleSelect().addValueChangeListener(e -> showCandidates(e.getValue()));

        candidates.setId("substitutes");
        candidates.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        candidates.addColumn(c -> c.employeeNumber() + " " + c.name()).setHeader(getTranslation("openShifts.column.operator"))
                .setKey("operator").setWidth("14rem").setFlexGrow(0);
        candidates.addColumn(c -> RosterTexts.score(this, c.hard(), c.medium(), c.soft()))
                .setHeader(getTranslation("openShifts.column.score")).setKey("score").setWidth("14rem").setFlexGrow(0);
        candidates.addColumn(c -> c.overtimeMinutes() == 0 ? "" : "+" + RosterTexts.number(c.overtimeMinutes() / 60.0, l))
                .setHeader(getTranslation("openShifts.column.overtime")).setKey("overtime").setAutoWidth(true).setFlexGrow(0);
        candidates.addColumn(c -> c.reasons().stream().map(SubstituteReason::text).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("openShifts.column.reasons")).setKey("reasons").setFlexGrow(3);
        if (canEdit) {
            candidates.addComponentColumn(c -> {
                Button b = new Button(getTranslation("openShifts.assign"), e -> assign(c));
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                b.setId("assign-" + c.employeeNumber());
                return b;
            }).setKey("assign").setAutoWidth(true).setFlexGrow(0);
        }
        candidates.setHeight("40%");

        replan.setText(getTranslation("openShifts.replan"));
        replan.setIcon(VaadinIcon.REFRESH.create());
        replan.setId("replan");
        replan.setVisible(canEdit);
        replan.setEnabled(false);
        replan.addClickListener(e -> replan());
        empty.setText(getTranslation("openShifts.empty"));
        empty.setId("open-shifts-empty");
        candidatesTitle.setId("substitutes-title");
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("openShifts.title")), replan);
        top.setWidthFull();
        top.setAlignItems(Alignment.BASELINE);
        top.setJustifyContentMode(JustifyContentMode.BETWEEN);
        addForm = new AddOpenShiftForm(substitution, rosters, templates, this::refresh);
        addForm.setVisible(canEdit);
        add(top, new Paragraph(getTranslation("openShifts.intro")), addForm, empty, shifts, candidatesTitle, candidates);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        rosterId = event.getLocation().getQueryParameters().getSingleParameter("roster").map(v -> {
            try {
                return Long.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("openShifts.title");
    }

    void refresh() {
        List<OpenShiftView> list = rosterId == null ? substitution.stillOpen()
                : substitution.openShifts(rosterId).stream().filter(s -> s.status() == org.switchboard.rostering.OpenShift.Status.OPEN).toList();
        shifts.setItems(list);
        empty.setVisible(list.isEmpty());
        showCandidates(null);
        if (!list.isEmpty()) {
            shifts.select(list.getFirst());
        }
    }

    private String status(OpenShiftView s) {
        String text = getTranslation("substitute.status." + s.status().name().toLowerCase(Locale.ROOT));
        return s.absenceCancelled() ? text + " · " + getTranslation("openShifts.back") : text;
    }

    void showCandidates(OpenShiftView s) {
        replan.setEnabled(s != null);
        if (s == null) {
            candidatesTitle.setText("");
            candidates.setItems(List.of());
            return;
        }
        Substitution.ShiftCandidates found = substitution.substitutesFor(s.id(), RosterTexts.locale(this));
        candidatesTitle.setText(getTranslation(found.candidates().isEmpty() ? "openShifts.candidates.none"
                : "openShifts.candidates", texts.date(s.date(), RosterTexts.locale(this)), RosterTexts.time(s.start()),
                RosterTexts.time(s.end()), s.queue() == null ? "—" : s.queue()));
        candidates.setItems(found.candidates());
    }

    void assign(Candidate c) {
        OpenShiftView s = shifts.asSingleSelect().getValue();
        if (s == null) {
            return;
        }
        try {
            substitution.assign(s.id(), c.employeeNumber(), RosterTexts.locale(this));
            Notification n = Notification.show(getTranslation("openShifts.assigned", c.employeeNumber() + " " + c.name(),
                    texts.date(s.date(), RosterTexts.locale(this))), 5000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (RuleViolationsException e) {
            Notification n = Notification.show(e.violations().stream().map(org.switchboard.shared.RuleViolation::message)
                    .collect(Collectors.joining("; ")), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        } catch (RuntimeException e) {
            RostersView.error(e);
            refresh();
        }
    }

    void replan() {
        OpenShiftView s = shifts.asSingleSelect().getValue();
        if (s == null) {
            return;
        }
        try {
            Roster draft = substitution.replanOpenDays(s.rosterId());
            Notification n = Notification.show(getTranslation("openShifts.replanned", draft.id()), 6000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(RosterBoardView.class, RosterBoardView.params(draft.id()));
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }
}
