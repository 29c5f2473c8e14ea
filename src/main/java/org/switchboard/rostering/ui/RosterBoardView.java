package org.switchboard.rostering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.dependency.StyleSheet;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishPreview;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterCoverage;
import org.switchboard.rostering.RosterEdits;
import org.switchboard.rostering.RosterExports;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.RosterWishes;
import org.switchboard.rostering.StoredShift;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.RosterStatus;
import org.switchboard.rostering.ShiftTemplate;
import org.switchboard.rostering.ShiftTemplateService;
import org.switchboard.rostering.Substitution;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;

/**
 * The schedule board of one roster: filters, the operators × days grid with totals, solving with live progress,
 * publishing, and the explanation of the score linked to the board. Managers read only.
 */
@Route("rosters/:id")
@StyleSheet("context://frontend-assets/rosters.css")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class RosterBoardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Div banners = new Div();
    final BoardGrid board = new BoardGrid();
    final Button publish = new Button();
    BoardFilters filters;
    SolvePanel solvePanel;
    ExplanationPanel explanation;
    private final RosterService rosters;
    private final RosterCoverage coverage;
    private final OperatorService operators;
    private final ContractService contracts;
    private final ShiftTemplateService templates;
    private final TeamService teams;
    private final RosterEdits edits;
    private final RosterExports exports;
    private final RosterWishes wishes;
    private final boolean canEdit;
    private final Set<String> pinned = new HashSet<>();
    private final Set<String> absent = new HashSet<>();
    private final Substitution substitution;
    private int openShifts;
    DayEditDialog editDialog;
    PublishDialog publishDialog;
    private long id;
    private Roster roster;

    public RosterBoardView(RosterService rosters, RosterCoverage coverage, OperatorService operators,
            ContractService contracts, ShiftTemplateService templates, TeamService teams,
            RosterEdits edits, RosterExports exports, RosterWishes wishes, Substitution substitution,
            AuthenticationContext auth) {
        this.wishes = wishes;
        this.edits = edits;
        this.substitution = substitution;
        this.exports = exports;
        this.rosters = rosters;
        this.coverage = coverage;
        this.operators = operators;
        this.contracts = contracts;
        this.templates = templates;
        this.teams = teams;
        this.canEdit = auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER);
        setSizeFull();
        setPadding(true);
        title.setId("board-title");
        banners.setId("board-banners");
        publish.setText(getTranslation("board.publish"));
        publish.setIcon(VaadinIcon.CHECK_CIRCLE.create());
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        publish.addClickListener(e -> confirmPublish());
        board.marks((row, date) -> {
            String key = row.operatorId + "|" + date;
            return (pinned.contains(key) ? "sb-pinned" : "") + (absent.contains(key) ? " sb-absent" : "");
        });
        board.onCellClick(this::openEdit);
    }

    static RouteParameters params(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        try {
            roster = rosters.get(id);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        removeAll();
        master = null;
        filters = new BoardFilters(teams.list(), coverage.queues(id), () -> board.filter(filters.predicate()));
        solvePanel = new SolvePanel(rosters, id, canEdit, this::statusChanged, this::reload);
        explanation = new ExplanationPanel(board::focus);
        Details why = new Details(getTranslation("solve.explanation"), explanation);
        why.setOpened(true);
        why.setWidthFull();
        why.setId("explanation-details");
        HorizontalLayout top = new HorizontalLayout(title, links());
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setFlexGrow(1, title);
        HorizontalLayout actions = new HorizontalLayout(solvePanel);
        actions.setWidthFull();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setFlexGrow(1, solvePanel);
        if (canEdit) {
            actions.add(publish);
        }
        add(top, banners, actions, filters, board, why);
        setFlexGrow(1, board);
        reload();
    }


    @Override
    public String getPageTitle() {
        return getTranslation("board.title", id);
    }

    private HorizontalLayout links() {
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(RostersView.class),
                getTranslation("board.back"));
        Anchor cover = new Anchor(RouteConfiguration.forSessionScope().getUrl(RosterCoverageView.class, params(id)),
                getTranslation("board.coverage"));
        cover.setId("open-coverage");
        Anchor print = new Anchor(RouteConfiguration.forSessionScope().getUrl(RosterPrintView.class, params(id)),
                getTranslation("board.print"));
        print.setTarget("_blank");
        print.setId("open-print");
        Locale locale = RosterTexts.locale(this);
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("roster-" + id + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            event.getOutputStream().write(exports.csv(id).getBytes(StandardCharsets.UTF_8));
        }, getTranslation("board.download.csv"));
        csv.setId("download-csv");
        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            event.setFileName("roster-" + id + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            exports.xlsx(id, locale, event.getOutputStream());
        }, getTranslation("board.download.xlsx"));
        xlsx.setId("download-xlsx");
        HorizontalLayout l = new HorizontalLayout(back, cover, print, csv, xlsx);
        l.setSpacing(true);
        l.setWrap(true);
        return l;
    }

    /** The master data the board shows, read once when the board opens (not at every push while a solve runs). */
    private record MasterData(List<org.switchboard.operators.Operator> operators, Map<Long, String> teamNames,
            Map<Long, Contract> contracts, Map<Long, String> queueCodes, org.switchboard.rostering.ShiftKindRules rules) {
    }

    private MasterData master;

    private MasterData master() {
        if (master == null) {
            master = new MasterData(operators.list(),
                    teams.list().stream().collect(Collectors.toMap(Team::getId, Team::getName)),
                    contracts.list().stream().collect(Collectors.toMap(Contract::getId, Function.identity())),
                    rosters.queueCodes(), templates.rules());
        }
        return master;
    }

    /** Re-reads the roster and its assignments and shows them (after a solve step, a stop, a publish). */
    void reload() {
        roster = rosters.get(id);
        MasterData m = master();
        pinned.clear();
        coverage.pinnedDates(id).forEach((operator, dates) -> dates.forEach(d -> pinned.add(operator + "|" + d)));
        // the days approved absences took away from a published roster (their shifts are open or filled)
        absent.clear();
        openShifts = 0;
        if (roster.state() == RosterState.PUBLISHED) {
            substitution.absentDays(id).forEach((operator, dates) -> dates.forEach(d -> absent.add(operator + "|" + d)));
            openShifts = substitution.openCount(id);
        }
        if (lastStatus != null) {
            banners(lastStatus);
        }
        List<Long> planned = coverage.operatorIds(id);
        List<StoredShift> shifts = coverage.shifts(id);
        BoardModel model = BoardModel.of(roster, planned, m.operators(), shifts, m.queueCodes(), m.teamNames(),
                m.contracts(), m.rules()).withWishes(wishes.tally(roster, planned, shifts));
        board.show(model);
        board.filter(filters.predicate());
        explanation.show(rosters.explanation(id, RosterTexts.locale(this)));
        title.setText(getTranslation("board.heading", id, RosterTexts.period(this, roster),
                RosterTexts.state(this, roster.state(), rosters.isSolving(id))));
    }

    private RosterStatus lastStatus;

    private void statusChanged(RosterStatus s) {
        lastStatus = s;
        publish.setEnabled(canEdit && s.state() != RosterState.PUBLISHED && !s.solving() && s.solveEndedAt() != null);
        banners(s);
    }

    /** Notes on the roster's inputs: changed since the last solve (stale), or nothing to cover (no demand). */
    private void banners(RosterStatus s) {
        banners.removeAll();
        if (s.stale()) {
            banners.add(banner("board.stale"));
        }
        if (s.requiredOperatorIntervals() == 0) {
            banners.add(banner("board.nodemand"));
        }
        if (openShifts > 0) {
            Div open = new Div(getTranslation("board.openShifts", openShifts) + " ");
            open.addClassName("sb-banner");
            open.setId("board-openShifts");
            Anchor link = new Anchor(RouteConfiguration.forSessionScope().getUrl(OpenShiftsView.class) + "?roster=" + id,
                    getTranslation("board.openShifts.link"));
            link.setId("open-shifts-link");
            open.add(link);
            banners.add(open);
        }
    }

    private Div banner(String key) {
        Div d = new Div(getTranslation(key));
        d.addClassName("sb-banner");
        d.setId(key.replace('.', '-'));
        return d;
    }

    /** Opens the day editor on a cell of a draft that is not being solved (planners and admins). */
    void openEdit(BoardModel.Row row, LocalDate date) {
        if (!canEdit || roster.state() != RosterState.DRAFT || rosters.isSolving(id)) {
            return;
        }
        List<ShiftTemplate> active = templates.list().stream().filter(ShiftTemplate::isActive).toList();
        editDialog = new DayEditDialog(edits, id, row, date, active, coverage.queues(id),
                pinned.contains(row.operatorId + "|" + date), () -> {
                    reload();
                    solvePanel.show(rosters.status(id));
                });
        editDialog.open();
    }

    void confirmPublish() {
        try {
            // the preview and the roster as they are now; publishing refuses when either changes before the confirmation
            PublishPreview preview = rosters.publishPreview(id);
            roster = rosters.get(id);
            boolean broken = roster.hard() != null && roster.hard() < 0;
            publishDialog = new PublishDialog(roster, preview, () -> publish(broken, preview.version()));
            publishDialog.open();
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }

    void publish(boolean force, int version) {
        try {
            rosters.publish(id, force, version);
            solvePanel.show(rosters.status(id));
            reload();
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }
}
