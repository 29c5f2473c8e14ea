package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.switchboard.operators.Team;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.swaps.Swaps;
import org.switchboard.swaps.TradeRules;

/**
 * "Swap rules" per team: same queue only, unequal paid time, one-sided trades, the minimum notice, how far ahead
 * trades are open, and the automatic approval with its service-level threshold. Managers and admins change them;
 * planners read.
 */
@Route("swap-rules")
@Menu(title = "menu.swapRules", order = 49.5, icon = "vaadin:exchange")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PLANNER})
public class SwapRulesView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<Team> team = new ComboBox<>();
    final Checkbox sameQueueOnly = new Checkbox();
    final Checkbox unequalPaidTime = new Checkbox();
    final Checkbox oneSided = new Checkbox();
    final IntegerField minNoticeHours = new IntegerField();
    final IntegerField openDaysAhead = new IntegerField();
    final Checkbox autoApprove = new Checkbox();
    final IntegerField threshold = new IntegerField();
    final Button save = new Button();
    final Paragraph saved = new Paragraph();
    final boolean decides = SwapTexts.decides();
    private final Swaps swaps;

    public SwapRulesView(Swaps swaps) {
        this.swaps = swaps;
        setMaxWidth("72rem");
        List<Team> all = swaps.teams();
        team.setLabel(getTranslation("swaprules.team"));
        team.setItems(all);
        team.setItemLabelGenerator(Team::getName);
        team.setId("swap-rules-team");
        sameQueueOnly.setLabel(getTranslation("swaprules.sameQueueOnly"));
        sameQueueOnly.setId("swap-rules-same-queue");
        unequalPaidTime.setLabel(getTranslation("swaprules.unequalPaidTime"));
        unequalPaidTime.setId("swap-rules-unequal");
        oneSided.setLabel(getTranslation("swaprules.oneSided"));
        oneSided.setId("swap-rules-one-sided");
        minNoticeHours.setLabel(getTranslation("swaprules.minNoticeHours"));
        minNoticeHours.setHelperText(getTranslation("swaprules.minNoticeHours.helper"));
        minNoticeHours.setMin(0);
        minNoticeHours.setMax(720);
        minNoticeHours.setSuffixComponent(new Span(getTranslation("swaprules.hours")));
        minNoticeHours.setId("swap-rules-notice");
        openDaysAhead.setLabel(getTranslation("swaprules.openDaysAhead"));
        openDaysAhead.setHelperText(getTranslation("swaprules.openDaysAhead.helper"));
        openDaysAhead.setMin(1);
        openDaysAhead.setMax(366);
        openDaysAhead.setSuffixComponent(new Span(getTranslation("swaprules.days")));
        openDaysAhead.setId("swap-rules-ahead");
        autoApprove.setLabel(getTranslation("swaprules.autoApprove"));
        autoApprove.setId("swap-rules-auto-approve");
        threshold.setLabel(getTranslation("swaprules.threshold"));
        threshold.setHelperText(getTranslation("swaprules.threshold.helper"));
        threshold.setSuffixComponent(new Span("%"));
        threshold.setMin(0);
        threshold.setMax(100);
        threshold.setId("swap-rules-threshold");
        autoApprove.addValueChangeListener(e -> threshold.setEnabled(decides && Boolean.TRUE.equals(e.getValue())));
        save.setText(getTranslation("swaprules.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("swap-rules-save");
        save.addClickListener(e -> save());
        saved.setId("swap-rules-saved");
        FormLayout form = new FormLayout(sameQueueOnly, unequalPaidTime, oneSided, minNoticeHours, openDaysAhead,
                autoApprove, threshold);
        form.setMaxWidth("48rem");
        for (var f : List.of(minNoticeHours, openDaysAhead, threshold)) {
            f.setReadOnly(!decides);
        }
        for (var c : List.of(sameQueueOnly, unequalPaidTime, oneSided, autoApprove)) {
            c.setReadOnly(!decides);
        }
        save.setVisible(decides);
        Paragraph readOnly = new Paragraph(getTranslation("swaprules.readOnly"));
        readOnly.setVisible(!decides);
        add(new H3(getTranslation("swaprules.title")), new Paragraph(getTranslation("swaprules.help")), team,
                readOnly, form, save, saved);
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
        TradeRules r = swaps.rules(t.getId());
        sameQueueOnly.setValue(r.sameQueueOnly());
        unequalPaidTime.setValue(r.unequalPaidTime());
        oneSided.setValue(r.oneSided());
        minNoticeHours.setValue(r.minNoticeHours());
        openDaysAhead.setValue(r.openDaysAhead());
        autoApprove.setValue(r.autoApprove());
        threshold.setValue((int) Math.round(r.threshold() * 100));
        threshold.setEnabled(decides && r.autoApprove());
    }

    void save() {
        Team t = team.getValue();
        if (t == null) {
            return;
        }
        saved.setText("");
        for (IntegerField f : List.of(minNoticeHours, openDaysAhead, threshold)) {
            f.setInvalid(false);
        }
        TradeRules defaults = TradeRules.defaults(t.getId());
        try {
            swaps.saveRules(new TradeRules(t.getId(), Boolean.TRUE.equals(sameQueueOnly.getValue()),
                    Boolean.TRUE.equals(unequalPaidTime.getValue()), Boolean.TRUE.equals(oneSided.getValue()),
                    orElse(minNoticeHours, defaults.minNoticeHours()), orElse(openDaysAhead, defaults.openDaysAhead()),
                    Boolean.TRUE.equals(autoApprove.getValue()),
                    orElse(threshold, (int) Math.round(defaults.threshold() * 100)) / 100.0));
            load();
            saved.setText(getTranslation("swaprules.saved", t.getName()));
        } catch (ValidationFailedException e) {
            e.fieldErrors(SwapTexts.locale(this)).forEach((field, message) -> {
                IntegerField f = switch (field) {
                    case "minNoticeHours" -> minNoticeHours;
                    case "openDaysAhead" -> openDaysAhead;
                    default -> threshold;
                };
                f.setErrorMessage(message);
                f.setInvalid(true);
            });
        } catch (RuntimeException e) {
            org.switchboard.base.ui.Notifications.error(SwapTexts.refusal(this, e));
        }
    }

    private static int orElse(IntegerField f, int fallback) {
        return f.getValue() == null ? fallback : f.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("swaprules.title");
    }
}
