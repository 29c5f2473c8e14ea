package org.switchboard.absences.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.switchboard.absences.Allotments;
import org.switchboard.absences.DayStatus;
import org.switchboard.absences.TeamAbsenceSettings;
import org.switchboard.base.ui.Notifications;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.ValidationFailedException;

/**
 * "Absence rules" per team: the daily limit (how many may be off; empty: the roster's spare capacity), the automatic
 * approval and its service-level threshold, and a calendar of the coming weeks with the places used and a limit per
 * date. Managers and admins change them; planners read.
 */
@Route("absence-rules")
@Menu(title = "menu.absenceRules", order = 49, icon = "vaadin:sliders")
@StyleSheet("context://frontend-assets/absences.css")
@RolesAllowed({org.switchboard.shared.Roles.MANAGER, org.switchboard.shared.Roles.ADMIN,
        org.switchboard.shared.Roles.PLANNER})
public class AbsenceRulesView extends VerticalLayout implements HasDynamicTitle {

    /** How many weeks the calendar shows from this week's Monday. */
    static final int WEEKS = 6;

    final ComboBox<Team> team = new ComboBox<>();
    final IntegerField dailyLimit = new IntegerField();
    final Checkbox autoApprove = new Checkbox();
    final IntegerField threshold = new IntegerField();
    final Button save = new Button();
    final Paragraph saved = new Paragraph();
    final LimitCalendar calendar;
    final boolean decides = AbsenceTexts.decides();
    private final Allotments allotments;

    public AbsenceRulesView(Allotments allotments, TeamService teams) {
        this.allotments = allotments;
        setMaxWidth("72rem");
        List<Team> all = teams.list();
        team.setLabel(getTranslation("approvals.filter.team"));
        team.setItems(all);
        team.setItemLabelGenerator(Team::getName);
        team.setId("rules-team");
        dailyLimit.setLabel(getTranslation("absenceRules.dailyLimit"));
        dailyLimit.setHelperText(getTranslation("absenceRules.dailyLimit.helper"));
        dailyLimit.setMin(0);
        dailyLimit.setClearButtonVisible(true);
        dailyLimit.setId("rules-daily-limit");
        autoApprove.setLabel(getTranslation("absenceRules.autoApprove"));
        autoApprove.setId("rules-auto-approve");
        threshold.setLabel(getTranslation("absenceRules.threshold"));
        threshold.setHelperText(getTranslation("absenceRules.threshold.helper"));
        threshold.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        threshold.setMin(0);
        threshold.setMax(100);
        threshold.setId("rules-threshold");
        autoApprove.addValueChangeListener(e -> threshold.setEnabled(decides && e.getValue()));
        save.setText(getTranslation("absenceRules.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("rules-save");
        save.addClickListener(e -> save());
        saved.setId("rules-saved");
        calendar = new LimitCalendar(this::setLimit);
        FormLayout form = new FormLayout(dailyLimit, autoApprove, threshold);
        form.setMaxWidth("48rem");
        for (var f : List.of(dailyLimit, threshold)) {
            f.setReadOnly(!decides);
        }
        autoApprove.setReadOnly(!decides);
        save.setVisible(decides);
        add(team, new H3(getTranslation("absenceRules.team.title")), form, save, saved,
                new H3(getTranslation("absenceRules.calendar.title")), new Paragraph(getTranslation("absenceRules.calendar.help")),
                calendar);
        team.addValueChangeListener(e -> load());
        if (!all.isEmpty()) {
            team.setValue(all.getFirst());
        }
    }

    void load() {
        saved.setText("");
        Team t = team.getValue();
        if (t == null) {
            return;
        }
        TeamAbsenceSettings s = allotments.settings(t.getId());
        dailyLimit.setValue(s.dailyLimit());
        autoApprove.setValue(s.autoApprove());
        threshold.setValue((int) Math.round(s.threshold() * 100));
        threshold.setEnabled(decides && s.autoApprove());
        showCalendar();
    }

    void showCalendar() {
        Team t = team.getValue();
        if (t == null) {
            return;
        }
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<DayStatus> days = allotments.days(t.getId(), monday, monday.plusWeeks(WEEKS).minusDays(1));
        calendar.show(days, decides);
    }

    void save() {
        Team t = team.getValue();
        if (t == null) {
            return;
        }
        dailyLimit.setInvalid(false);
        threshold.setInvalid(false);
        int percent = threshold.getValue() == null ? (int) Math.round(TeamAbsenceSettings.DEFAULT_THRESHOLD * 100)
                : threshold.getValue();
        try {
            allotments.saveSettings(new TeamAbsenceSettings(t.getId(), dailyLimit.getValue(),
                    Boolean.TRUE.equals(autoApprove.getValue()), percent / 100.0));
            saved.setText(getTranslation("absenceRules.saved", t.getName()));
            showCalendar();
        } catch (ValidationFailedException e) {
            e.fieldErrors(AbsenceTexts.locale(this)).forEach((field, message) -> {
                IntegerField f = "threshold".equals(field) ? threshold : dailyLimit;
                f.setErrorMessage(message);
                f.setInvalid(true);
            });
        } catch (RuntimeException e) {
            org.switchboard.base.ui.Notifications.error(AbsenceTexts.refusal(this, e));
        }
    }

    void setLimit(LocalDate date, Integer limit) {
        Team t = team.getValue();
        if (t == null || !decides) {
            return;
        }
        try {
            allotments.setLimit(t.getId(), date, limit);
            Notifications.success(getTranslation(limit == null ? "absenceRules.calendar.reset" : "absenceRules.calendar.set",
                    AbsenceTexts.date(this, date), limit == null ? "" : limit));
        } catch (RuntimeException e) {
            org.switchboard.base.ui.Notifications.error(AbsenceTexts.refusal(this, e));
        }
        showCalendar();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("absenceRules.title");
    }
}
