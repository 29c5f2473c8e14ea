package org.switchboard.rostering.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterEdits;
import org.switchboard.rostering.RosterService;
import org.switchboard.shared.SystemAuthentication;

/**
 * The board's edits, pins, publish preview, banners and downloads (backed by RosterEdits, RosterService.publishPreview,
 * the stale / no-demand status and RosterExports): a planner sets a day off on a solved draft, saves it (confirming a
 * broken hard rule when there is one), sees the cell pinned, unpins it; the publish confirmation lists the changes;
 * a roster without requirements says "no demand".
 */
@SpringBootTest
class RosterBoardEditsViewTest extends SpringBrowserlessTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static Long solvedId;

    @Autowired
    RosterService rosters;
    @Autowired
    RosterEdits edits;
    @Autowired
    TeamService teams;

    static LocalDate monday(int weeks) {
        return LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
    }

    long team(String prefix) {
        return SystemAuthentication.callAsSystem(() -> teams.list().stream().filter(t -> t.getName().startsWith(prefix))
                .findFirst().orElseThrow().getId());
    }

    long solved() {
        synchronized (RosterBoardEditsViewTest.class) {
            if (solvedId == null) {
                solvedId = SystemAuthentication.callAsSystem(() -> {
                    Roster r = rosters.create(new NewRoster(monday(5), 3, List.of(team("Aurora")), null, null, null,
                            null));
                    rosters.solve(r.id(), 3);
                    long deadline = System.currentTimeMillis() + 90_000;
                    while (rosters.isSolving(r.id()) && System.currentTimeMillis() < deadline) {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return r.id();
                });
            }
            return solvedId;
        }
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerSetsADayOffSeesItPinnedAndUnpinsIt() {
        long id = solved();
        RosterBoardView view = navigate("rosters/" + id, RosterBoardView.class);
        var grid = test(view.board);
        BoardModel model = view.board.model();
        int row = -1;
        LocalDate date = null;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            BoardModel.Row r = grid.getRow(i);
            for (LocalDate d : model.dates) {
                if (r.cell(d) != null) {
                    row = i;
                    date = d;
                    break;
                }
            }
        }
        assertThat(row).as("a worked day").isNotNegative();
        BoardModel.Row r = grid.getRow(row);
        String column = "d" + date;
        grid.invokeLitRendererFunction(row, column, "pick");
        roundTrip();
        DayEditDialog dialog = view.editDialog;
        assertThat(dialog).isNotNull();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.template.getValue().getCode()).isEqualTo(r.cell(date).template());
        assertThat(dialog.dayOff.getValue()).isFalse();

        dialog.dayOff.setValue(true);
        test(dialog.check).click();
        assertThat(dialog.result.getElement().getTextRecursively()).isNotBlank();
        test(dialog.save).click();
        if (dialog.isOpened()) {
            // a hard rule breaks (e.g. the contract's minimum hours): shown in words, saved only when confirmed
            assertThat(dialog.result.getElement().getTextRecursively()).startsWith("This breaks hard rules:");
            assertThat(dialog.force.isVisible()).isTrue();
            test(dialog.force).click();
        }
        assertThat(dialog.isOpened()).isFalse();
        int after = indexOf(view, r.employeeNumber);
        assertThat(test(view.board).getLitRendererPropertyValue(after, column, "a", String.class)).isEqualTo("off");
        assertThat(test(view.board).getLitRendererPropertyValue(after, column, "c", String.class)).contains("sb-pinned");
        assertThat(test(view.board).getLitRendererPropertyValue(after, column, "h", String.class)).endsWith("pinned");
        assertThat(edits.pins(id)).anySatisfy(p -> {
            assertThat(p.employeeNumber()).isEqualTo(r.employeeNumber);
            assertThat(p.dayOff()).isTrue();
        });

        test(view.board).invokeLitRendererFunction(after, column, "pick");
        roundTrip();
        DayEditDialog again = view.editDialog;
        assertThat(again.dayOff.getValue()).isTrue();
        assertThat(again.unpin.isVisible()).isTrue();
        test(again.unpin).click();
        assertThat(edits.pins(id)).noneMatch(p -> p.employeeNumber().equals(r.employeeNumber));
        int last = indexOf(view, r.employeeNumber);
        assertThat(test(view.board).getLitRendererPropertyValue(last, column, "c", String.class)).doesNotContain("sb-pinned");
    }

    static int indexOf(RosterBoardView view, String employeeNumber) {
        var grid = new com.vaadin.flow.component.grid.GridTester<>(view.board);
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).employeeNumber.equals(employeeNumber)) {
                return i;
            }
        }
        throw new AssertionError(employeeNumber + " not on the board");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void publishAsksWithTheChangesAndDownloadsAreOffered() {
        long id = solved();
        RosterBoardView view = navigate("rosters/" + id, RosterBoardView.class);
        assertThat(view.publish.isEnabled()).isTrue();
        test(view.publish).click();
        roundTrip();
        PublishDialog dialog = view.publishDialog;
        assertThat(dialog.isOpened()).isTrue();
        var preview = rosters.publishPreview(id);
        assertThat(dialog.summary.getText()).startsWith(preview.newShifts() + " new, " + preview.changedShifts()
                + " changed and " + preview.removedShifts() + " removed shifts for " + preview.operators() + " operators");
        assertThat(test(dialog.changes).size()).isEqualTo(preview.changes().size()).isPositive();
        dialog.close();
        assertThat(view.getElement().getTextRecursively()).doesNotContain("!board");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("download-csv").single().getHref()).isNotBlank();
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("download-xlsx").single().getHref()).isNotBlank();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aRosterWithoutRequirementsSaysNoDemand() {
        long id = SystemAuthentication.callAsSystem(() -> rosters.create(new NewRoster(monday(30), 1,
                List.of(team("Owls")), null, null, null, null)).id());
        RosterBoardView view = navigate("rosters/" + id, RosterBoardView.class);
        assertThat(view.banners.getElement().getTextRecursively()).startsWith("No demand");
    }
}
