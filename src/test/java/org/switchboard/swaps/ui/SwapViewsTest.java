package org.switchboard.swaps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.AssignmentRow;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.swaps.SwapStatus;
import org.switchboard.swaps.Swaps;
import org.switchboard.swaps.TradeRules;

/**
 * The swap board and the swap rules screen without a browser, against the demo center: each role sees its parts of
 * the board; a manager saves a team's trade rules; and, on a published roster of team "Comet (evening)" for the week
 * eight weeks after next Monday (no other test uses it), an operator proposes a swap from the form (a broken rule is
 * listed in words first), the colleague accepts it from "My swaps" and both read its history.
 */
@SpringBootTest
class SwapViewsTest extends SpringBrowserlessTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String TEAM = "Comet (evening)";
    static final String LOGIN_A = "swapui-a";
    static final String LOGIN_B = "swapui-b";

    private static Roster roster;

    @Autowired
    Swaps swaps;
    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;
    @Autowired
    OperatorService operators;
    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    static <T> T as(String user, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        signIn(user, role);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void signIn(String user, String role) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        // a UserDetails principal, as the menu (MainLayout) reads it
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new org.springframework.security.core.userdetails.User(user, "unused", authorities), null, authorities));
        SecurityContextHolder.setContext(context);
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    /** The Monday eight weeks after next Monday (as RosterApiTest.monday(8)). */
    static LocalDate monday8() {
        return LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(8);
    }

    long team(String name) {
        return SystemAuthentication.callAsSystem(() -> teams.list().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow().getId());
    }

    synchronized Roster comet() {
        if (roster == null) {
            roster = SystemAuthentication.callAsSystem(() -> {
                Roster r = rosters.create(new NewRoster(monday8(), 7, List.of(team(TEAM)), null, null, null, null));
                assertThat(org.switchboard.rostering.Solving.solve(rosters, r.id(), 4,
                        java.time.Duration.ofSeconds(120))).as("still solving").isTrue();
                return rosters.publish(r.id(), true);
            });
        }
        return roster;
    }

    /** Operator id → the login it had before {@link #link} (null: none), put back after each test. */
    final java.util.Map<Long, Long> linkedBefore = new java.util.HashMap<>();

    @AfterEach
    void unlink() {
        jdbc.sql("update operator set user_id = null where user_id in (select id from app_user where username in (?, ?))")
                .params(LOGIN_A, LOGIN_B).update();
        linkedBefore.forEach((operatorId, userId) -> jdbc.sql("update operator set user_id = ? where id = ?")
                .params(userId, operatorId).update());
        linkedBefore.clear();
    }

    /**
     * Links a new operator login to the operator (as the demo links its operator logins); the operator's own link, if
     * any, comes back after the test (other tests link these operators too).
     */
    void link(String login, Operator o) {
        if (!linkedBefore.containsKey(o.getId())) {
            linkedBefore.put(o.getId(), jdbc.sql("select user_id from operator where id = ?").param(o.getId())
                    .query(Long.class).optional().orElse(null));
        }
        SystemAuthentication.callAsSystem(() -> {
            if (accounts.list().stream().noneMatch(a -> a.username().equals(login))) {
                accounts.createWithPassword(login, o.fullName(), Set.of("OPERATOR"), "switchboard", false);
            }
            return null;
        });
        long userId = jdbc.sql("select id from app_user where username = ?").param(login).query(Long.class).single();
        jdbc.sql("update operator set user_id = null where user_id = ?").param(userId).update();
        jdbc.sql("update operator set user_id = ? where id = ?").params(userId, o.getId()).update();
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void operatorSeesTheOfferFormTheOffersAndTheirSwaps() {
        SwapBoardView view = navigate(SwapBoardView.class);
        assertThat(view.getPageTitle()).isEqualTo("Shift swaps");
        assertThat(view.offer).isNotNull();
        assertThat(view.open).isNotNull();
        assertThat(view.mine).isNotNull();
        assertThat(view.waiting).isNull();
        assertThat(view.openShifts).isNull();
        assertThat(view.all).isNull();
        // E1001's colleagues of team Aurora, as "E1003 Vera …"
        List<String> colleagues = view.offer.colleague.getListDataView().getItems()
                .map(view.offer.colleague.getItemLabelGenerator()).toList();
        assertThat(colleagues).anyMatch(c -> c.startsWith("E1003 ")).noneMatch(c -> c.startsWith("E1001 "));
        assertThat(view.offer.propose.isEnabled()).isFalse();
        assertThat(view.offer.propose.getText()).isEqualTo("Propose swap");
        assertThat(view.offer.offer.getText()).isEqualTo("Offer to anyone");
        assertThat(view.offer.violations.isVisible()).isFalse();
        assertThat(find(com.vaadin.flow.component.grid.Grid.class).withId("swap-open-grid").exists()).isTrue();
        assertThat(find(com.vaadin.flow.component.grid.Grid.class).withId("swap-mine-grid").exists()).isTrue();
        assertThat(text(view)).contains("Offer a shift").contains("Offers you can take").contains("My swaps")
                .doesNotContain("!swap").doesNotContain("!menu");
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void russianReaderReadsTheBoardInRussian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        SwapBoardView view = navigate(SwapBoardView.class);
        assertThat(view.getPageTitle()).isEqualTo("Обмен сменами");
        assertThat(view.offer.propose.getText()).isEqualTo("Предложить обмен");
        assertThat(text(view)).contains("Мои обмены").doesNotContain("!swap");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerSeesTheSwapsWaitingForApprovalAndAllSwaps() {
        SwapBoardView view = navigate(SwapBoardView.class);
        assertThat(view.offer).isNull();
        assertThat(view.waiting).isNotNull();
        assertThat(view.all).isNotNull();
        assertThat(view.openShifts).isNull();
        assertThat(find(com.vaadin.flow.component.grid.Grid.class).withId("swap-waiting-grid").exists()).isTrue();
        assertThat(test(view.waiting.grid).size()).isEqualTo(swaps.waiting().size());
        assertThat(test(view.all.grid).size()).isEqualTo(swaps.list().size());
        assertThat(text(view)).contains("Waiting for approval").contains("All swaps").doesNotContain("!swap");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerSeesTheOpenShiftsToOfferAndAllSwapsButDecidesNothing() {
        SwapBoardView view = navigate(SwapBoardView.class);
        assertThat(view.offer).isNull();
        assertThat(view.waiting).isNull();
        assertThat(view.openShifts).isNotNull();
        assertThat(view.all).isNotNull();
        assertThat(test(view.openShifts).size()).isEqualTo(swaps.openShiftsToOffer().size());
        assertThat(text(view)).contains("Open shifts to offer").doesNotContain("!swap");

        SwapRulesView rules = navigate(SwapRulesView.class);
        assertThat(rules.save.isVisible()).isFalse();
        assertThat(rules.minNoticeHours.isReadOnly()).isTrue();
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void anOperatorCannotOpenTheSwapRules() {
        navigate("swap-rules", Component.class);
        assertThat(find(SwapRulesView.class).all()).isEmpty();
        assertThat(find(org.switchboard.base.ui.AccessDeniedView.class).all()).hasSize(1);
    }

    @Test
    @Transactional
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerSavesATeamsTradeRules() {
        SwapRulesView view = navigate(SwapRulesView.class);
        Team aurora = view.team.getListDataView().getItems().filter(t -> t.getName().equals("Aurora (day)"))
                .findFirst().orElseThrow();
        view.team.setValue(aurora);
        view.sameQueueOnly.setValue(true);
        view.unequalPaidTime.setValue(false);
        view.oneSided.setValue(false);
        view.minNoticeHours.setValue(24);
        view.openDaysAhead.setValue(30);
        view.autoApprove.setValue(true);
        view.threshold.setValue(75);
        test(view.save).click();
        assertThat(view.saved.getText()).isEqualTo("Saved the swap rules of Aurora (day).");
        TradeRules r = swaps.rules(aurora.getId());
        assertThat(r).isEqualTo(new TradeRules(aurora.getId(), true, false, false, 24, 30, true, 0.75));

        // out of range: the field says why, in words, and nothing changes
        view.minNoticeHours.setValue(1000);
        test(view.save).click();
        assertThat(view.minNoticeHours.isInvalid()).isTrue();
        assertThat(view.minNoticeHours.getErrorMessage()).isEqualTo("Give a notice from 0 to 720 hours.");
        assertThat(swaps.rules(aurora.getId()).minNoticeHours()).isEqualTo(24);
    }

    /**
     * On the Comet roster: A proposes a one-sided swap though the team allows none (the rule is listed), then a swap of
     * the same shift on the same day with B; B accepts it from "My swaps"; both read its history.
     */
    @Test
    void operatorProposesFromTheFormAndTheColleagueAcceptsFromTheBoard() {
        Roster r = comet();
        long comet = team(TEAM);
        TradeRules before = as("manager", "MANAGER", () -> swaps.rules(comet));
        as("manager", "MANAGER", () -> swaps.saveRules(new TradeRules(comet, false, true, false, 12, 90, true, 0.8)));
        try {
            // pairs working the same template on the same queue on the same day: a swap nothing can break
            List<AssignmentRow[]> pairs = pairs(r);
            assertThat(pairs).as("two operators on the same shift").isNotEmpty();
            Map<Long, Operator> byId = SystemAuthentication.callAsSystem(() -> operators.list()).stream()
                    .collect(Collectors.toMap(Operator::getId, o -> o));

            Long proposed = null;
            AssignmentRow[] pair = null;
            for (AssignmentRow[] p : pairs.subList(0, Math.min(6, pairs.size()))) {
                link(LOGIN_A, byId.get(p[0].operatorId()));
                link(LOGIN_B, byId.get(p[1].operatorId()));
                signIn(LOGIN_A, "OPERATOR");
                SwapBoardView view = board();
                OfferForm form = view.offer;
                var mine = form.shift.getListDataView().getItems().filter(s -> s.date().equals(p[0].date()))
                        .findFirst();
                assertThat(mine).as("A's shift on %s is offered", p[0].date()).isPresent();
                form.shift.setValue(mine.get());
                assertThat(form.withDate.getValue()).isEqualTo(p[0].date());
                Operator b = form.colleague.getListDataView().getItems()
                        .filter(o -> o.getId() == p[1].operatorId()).findFirst().orElseThrow();
                form.colleague.setValue(b);
                assertThat(form.propose.isEnabled()).isTrue();

                // against a day B is off: one-sided, which this team does not allow
                LocalDate off = r.startDate().plusDays(20);
                form.withDate.setValue(off);
                test(form.propose).click();
                assertThat(form.violations.isVisible()).isTrue();
                assertThat(form.violationsText()).startsWith("One-sided trades are not allowed in this team: "
                        + b.getEmployeeNumber() + " is off on " + off);

                form.withDate.clear();
                test(form.propose).click();
                if (form.result.getText().startsWith("Swap ")) {
                    assertThat(form.violations.isVisible()).isFalse();
                    proposed = Long.parseLong(form.result.getText().replaceAll("^Swap (\\d+):.*$", "$1"));
                    assertThat(form.result.getText()).endsWith(" is proposed to " + b.getEmployeeNumber() + " "
                            + b.fullName() + ".");
                    var grid = test(view.mine.grid);
                    int row = row(view.mine, proposed);
                    assertThat(grid.getCellText(row, grid.getColumnPosition("status"))).isEqualTo("proposed");
                    assertThat(grid.getCellText(row, grid.getColumnPosition("with")))
                            .isEqualTo(b.getEmployeeNumber() + " " + b.fullName());
                    assertThat(buttons(grid.getCellComponent(row, "actions"))).containsExactly("Cancel");
                    pair = p;
                    break;
                }
            }
            assertThat(proposed).as("a swap proposed from the form").isNotNull();
            long id = proposed;

            signIn(LOGIN_B, "OPERATOR");
            SwapBoardView view = board();
            var grid = test(view.mine.grid);
            int row = row(view.mine, id);
            assertThat(row).isNotNegative();
            assertThat(buttons(grid.getCellComponent(row, "actions"))).containsExactly("Accept", "Decline");
            assertThat(grid.getCellText(row, grid.getColumnPosition("theirs"))).startsWith(
                    pair[0].date().toString());
            button(grid.getCellComponent(row, "actions"), "Accept").click();
            assertThat(view.outcome.text()).startsWith("Swap " + id + ": ");
            SwapStatus status = swaps.get(id, Locale.ENGLISH).status();
            assertThat(status).isIn(SwapStatus.APPROVED, SwapStatus.ACCEPTED);
            if (status == SwapStatus.APPROVED) {
                assertThat(view.outcome.text()).contains("approved automatically");
            }
            grid = test(view.mine.grid);
            row = row(view.mine, id);
            assertThat(buttons(grid.getCellComponent(row, "actions"))).isEmpty();
            grid.clickRow(row);
            assertThat(view.mine.historyText()).startsWith("History of swap " + id).contains(": proposed, by " + LOGIN_A);
        } finally {
            SecurityContextHolder.clearContext();
            as("manager", "MANAGER", () -> swaps.saveRules(before));
        }
    }

    /**
     * With the team's automatic approval off: one swap accepted (waiting), one only proposed. The manager reads what
     * approving the first would do, approves it from "Waiting for approval", and rejects the second from "All swaps"
     * with a reason (required).
     */
    @Test
    void managerApprovesAWaitingSwapAndRejectsAnotherWithAReason() {
        Roster r = comet();
        long comet = team(TEAM);
        TradeRules before = as("manager", "MANAGER", () -> swaps.rules(comet));
        as("manager", "MANAGER", () -> swaps.saveRules(new TradeRules(comet, false, true, true, 12, 90, false, 0.8)));
        try {
            List<AssignmentRow[]> pairs = new ArrayList<>(pairs(r));
            java.util.Collections.reverse(pairs);
            Map<Long, Operator> byId = SystemAuthentication.callAsSystem(() -> operators.list()).stream()
                    .collect(Collectors.toMap(Operator::getId, o -> o));
            List<Long> ids = new ArrayList<>();
            for (AssignmentRow[] p : pairs) {
                if (ids.size() == 2) {
                    break;
                }
                link(LOGIN_A, byId.get(p[0].operatorId()));
                try {
                    long id = as(LOGIN_A, "OPERATOR", () -> swaps.propose(p[0].date(),
                            p[1].employeeNumber(), null, Locale.ENGLISH)).id();
                    if (ids.isEmpty()) {
                        link(LOGIN_B, byId.get(p[1].operatorId()));
                        assertThat(as(LOGIN_B, "OPERATOR", () -> swaps.accept(id, Locale.ENGLISH)).status())
                                .isEqualTo(SwapStatus.ACCEPTED);
                    }
                    ids.add(id);
                } catch (org.switchboard.shared.RuleViolationsException | org.switchboard.shared.ConflictException e) {
                    // this pair cannot trade (any more): the next
                }
            }
            assertThat(ids).hasSize(2);
            long waitingId = ids.get(0);
            long proposedId = ids.get(1);

            signIn("manager", "MANAGER");
            SwapBoardView view = board();
            var waiting = test(view.waiting.grid);
            int row = -1;
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.getRow(i).id() == waitingId) {
                    row = i;
                }
            }
            assertThat(row).isNotNegative();
            assertThat(waiting.getCellText(row, waiting.getColumnPosition("reason")))
                    .isEqualTo("The team's swaps are approved by a manager.");
            waiting.clickRow(row);
            assertThat(view.waiting.checkText()).startsWith("If swap " + waitingId + " is approved now")
                    .contains("No rule of the roster breaks.").contains("Overtime: 0 min")
                    .contains("Projected service level of the affected intervals: ");
            button(waiting.getCellComponent(row, "actions"), "Approve").click();
            assertThat(view.outcome.text()).isEqualTo("Swap " + waitingId + ": approved.");
            assertThat(swaps.get(waitingId, Locale.ENGLISH).status()).isEqualTo(SwapStatus.APPROVED);
            assertThat(test(view.waiting.grid).size()).isEqualTo(swaps.waiting().size());

            var all = test(view.all.grid);
            int proposedRow = row(view.all, proposedId);
            assertThat(all.getCellText(proposedRow, all.getColumnPosition("status"))).isEqualTo("proposed");
            assertThat(buttons(all.getCellComponent(proposedRow, "actions"))).containsExactly("Reject…");
            button(all.getCellComponent(proposedRow, "actions"), "Reject…").click();
            roundTrip();
            SwapRejectDialog dialog = view.actions.rejectDialog;
            assertThat(dialog.isOpened()).isTrue();
            test(dialog.confirm).click();
            assertThat(dialog.reason.isInvalid()).isTrue();
            assertThat(swaps.get(proposedId, Locale.ENGLISH).status()).isEqualTo(SwapStatus.PROPOSED);
            dialog.reason.setValue("Short-staffed that evening");
            test(dialog.confirm).click();
            assertThat(swaps.get(proposedId, Locale.ENGLISH).status()).isEqualTo(SwapStatus.REJECTED);
            assertThat(view.outcome.text()).isEqualTo("Swap " + proposedId + ": rejected.");
            all = test(view.all.grid);
            proposedRow = row(view.all, proposedId);
            assertThat(all.getCellText(proposedRow, all.getColumnPosition("reason")))
                    .isEqualTo("Short-staffed that evening");
        } finally {
            SecurityContextHolder.clearContext();
            as("manager", "MANAGER", () -> swaps.saveRules(before));
        }
    }

    /** Two operators working the same template on the same queue on the same day, per day and shift. */
    List<AssignmentRow[]> pairs(Roster r) {
        List<AssignmentRow> rows = SystemAuthentication.callAsSystem(() -> rosters.assignments(r.id()));
        Map<String, List<AssignmentRow>> same = rows.stream().collect(Collectors.groupingBy(
                a -> a.date() + "|" + a.shiftTemplate() + "|" + a.queue(), java.util.TreeMap::new,
                Collectors.toList()));
        List<AssignmentRow[]> pairs = new ArrayList<>();
        same.values().stream().filter(l -> l.size() >= 2).forEach(l -> pairs.add(new AssignmentRow[] {l.get(0),
                l.get(1)}));
        return pairs;
    }

    /** A new board for the signed-in user (navigating to the route already shown would keep the old one). */
    SwapBoardView board() {
        navigate("", Component.class);
        return navigate(SwapBoardView.class);
    }

    static int row(SwapList list, long id) {
        List<SwapRow> rows = list.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    static List<String> buttons(Component cell) {
        return cell.getChildren().filter(c -> c instanceof Button).map(c -> ((Button) c).getText()).toList();
    }

    com.vaadin.flow.component.button.ButtonTester<Button> button(Component cell, String text) {
        return test(cell.getChildren().filter(c -> c instanceof Button && ((Button) c).getText().equals(text))
                .map(c -> (Button) c).findFirst().orElseThrow());
    }
}
