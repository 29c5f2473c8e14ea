package org.switchboard.rostering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterCoverage;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.ShiftTemplateService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;

/**
 * One ISO week of a roster as a plain table for the wall: {@code rosters/:id/print?week=2026-W50} (default: the
 * period's first week). Without the app's frame; {@code rosters.css} sets A4 landscape for print and hides the
 * controls.
 */
@Route(value = "rosters/:id/print", autoLayout = false)
@StyleSheet("context://frontend-assets/rosters.css")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class RosterPrintView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Div table = new Div();
    final H2 title = new H2();
    LocalDate monday;
    private final RosterService rosters;
    private final RosterCoverage coverage;
    private final OperatorService operators;
    private final ContractService contracts;
    private final ShiftTemplateService templates;
    private final TeamService teams;
    private long id;

    public RosterPrintView(RosterService rosters, RosterCoverage coverage, OperatorService operators,
            ContractService contracts, ShiftTemplateService templates, TeamService teams) {
        this.rosters = rosters;
        this.coverage = coverage;
        this.operators = operators;
        this.contracts = contracts;
        this.templates = templates;
        this.teams = teams;
        addClassName("sb-print-page");
        table.setId("print-table");
        table.setWidthFull();
    }

    /** "2026-W50" → its Monday; null when unreadable. */
    static LocalDate monday(String week) {
        if (week == null || !week.matches("\\d{4}-W\\d{1,2}")) {
            return null;
        }
        try {
            int year = Integer.parseInt(week.substring(0, 4));
            int w = Integer.parseInt(week.substring(6));
            LocalDate d = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w);
            return d.with(DayOfWeek.MONDAY);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String week(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        Roster roster;
        try {
            roster = rosters.get(id);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        LocalDate asked = monday(event.getLocation().getQueryParameters().getSingleParameter("week").orElse(null));
        monday = asked != null ? asked : roster.startDate().with(DayOfWeek.MONDAY);
        removeAll();
        Map<Long, String> teamNames = teams.list().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        Map<Long, Contract> byContract = contracts.list().stream().collect(Collectors.toMap(Contract::getId,
                Function.identity()));
        BoardModel model = BoardModel.of(roster, coverage.operatorIds(id), operators.list(), coverage.shifts(id),
                rosters.queueCodes(), teamNames, byContract, templates.rules());
        Locale l = RosterTexts.locale(this);
        title.setText(getTranslation("board.print.title", id, week(monday), RosterTexts.date(monday, l),
                RosterTexts.date(monday.plusDays(6), l),
                RosterTexts.state(this, roster.state(), false)));
        Button print = new Button(getTranslation("board.print.button"), VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("print");
        HorizontalLayout controls = new HorizontalLayout(print, weekLink(monday.minusWeeks(1), "board.print.previous"),
                weekLink(monday.plusWeeks(1), "board.print.next"),
                new Anchor(RouteConfiguration.forSessionScope().getUrl(RosterBoardView.class, RosterBoardView.params(id)),
                        getTranslation("coverage.back")));
        controls.addClassName("sb-no-print");
        controls.setAlignItems(Alignment.BASELINE);
        table.getElement().setProperty("innerHTML", html(model, l));
        add(controls, title, table);
    }

    private Anchor weekLink(LocalDate mondayOf, String key) {
        String url = RouteConfiguration.forSessionScope().getUrl(RosterPrintView.class, RosterBoardView.params(id));
        return new Anchor(url + "?" + QueryParameters.simple(Map.of("week", week(mondayOf))).getQueryString(),
                getTranslation(key));
    }


    @Override
    public String getPageTitle() {
        return getTranslation("board.print.page", id);
    }

    /** The week as a table: operator, then per day symbol, times, queue and break, or "off". */
    String html(BoardModel model, Locale l) {
        List<LocalDate> days = java.util.stream.IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
        StringBuilder s = new StringBuilder("<table class='sb-print'><thead><tr><th>")
                .append(escape(getTranslation("board.operator"))).append("</th>");
        for (LocalDate d : days) {
            s.append("<th>").append(escape(RosterTexts.dayHeader(d, l))).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (BoardModel.Row r : model.rows) {
            s.append("<tr><th>").append(escape(r.name)).append("<br><small>").append(escape(r.employeeNumber))
                    .append("</small></th>");
            for (LocalDate d : days) {
                BoardModel.Cell c = r.cell(d);
                if (!model.roster.contains(d)) {
                    s.append("<td class='sb-outside'></td>");
                } else if (c == null) {
                    s.append("<td class='sb-off'>").append(escape(getTranslation("board.off"))).append("</td>");
                } else {
                    s.append("<td class='").append(RosterTexts.kindClass(c.kind())).append("'>")
                            .append(RosterTexts.symbol(c.kind())).append(' ').append(RosterTexts.time(c.start()))
                            .append('–').append(RosterTexts.time(c.end())).append("<br><small>")
                            .append(escape(c.queue() == null ? "" : c.queue()))
                            .append(c.breakStart() == null ? "" : " · ☕" + RosterTexts.time(c.breakStart()))
                            .append("</small></td>");
                }
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        return s.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
