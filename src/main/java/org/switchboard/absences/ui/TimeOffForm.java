package org.switchboard.absences.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.Allotments;
import org.switchboard.absences.DayState;
import org.switchboard.absences.DayStatus;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.RequestOutcome;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.shared.ValidationFailedException;

/**
 * The operator's request form: kind (no sick leave: a planner or manager enters it), whole days from–to or a time span
 * on one date, a note. Before sending it shows the team's days in the chosen range and the weeks after (open, tight,
 * full) and what will happen; after sending, the request's status or the reason it was refused (overlap, balance).
 */
final class TimeOffForm extends Div {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TimeOffForm.class);

    /** How many days of the team the form shows from the chosen start (or tomorrow). */
    static final int PREVIEW_DAYS = 28;

    final AbsenceFields fields;
    final ComboBox<AbsenceType> type;
    final RadioButtonGroup<Boolean> wholeDays;
    final DatePicker from;
    final DatePicker to;
    final DatePicker day;
    final TimePicker startTime;
    final TimePicker endTime;
    final TextArea note;
    final TeamDays teamDays = new TeamDays();
    final Paragraph outcome = new Paragraph();
    final Button submit = new Button();
    final Div result = new Div();
    private final TimeOffRequests requests;
    private final Allotments allotments;
    private final Runnable sent;
    private final ZoneId zone;

    /** @param zone the operator's site: "tomorrow" and the first day one may ask for are the site's */
    TimeOffForm(TimeOffRequests requests, Allotments allotments, ZoneId zone, Runnable sent) {
        this.zone = zone;
        this.requests = requests;
        this.allotments = allotments;
        this.sent = sent;
        setId("time-off-form");
        fields = new AbsenceFields(this, "time-off",
                Arrays.stream(AbsenceType.values()).filter(t -> t != AbsenceType.SICK).toList(), AbsenceType.VACATION);
        type = fields.type;
        wholeDays = fields.wholeDays;
        from = fields.from;
        to = fields.to;
        day = fields.day;
        startTime = fields.startTime;
        endTime = fields.endTime;
        note = fields.note;
        type.setRequired(true);
        LocalDate tomorrow = tomorrow();
        for (DatePicker p : List.of(from, to, day)) {
            p.setMin(tomorrow);
        }
        day.setMin(tomorrow.minusDays(1)); // a time span may still be later today
        outcome.addClassName("ab-outcome");
        outcome.setId("time-off-outcome");
        submit.setText(getTranslation("timeoff.form.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("time-off-submit");
        submit.addClickListener(e -> submit());
        result.setId("time-off-result");

        FormLayout layout = new FormLayout(type, wholeDays, from, to, day, startTime, endTime, note);
        layout.setColspan(note, 2);
        layout.setMaxWidth("48rem");
        add(new H3(getTranslation("timeoff.form.title")), layout, new H3(getTranslation("timeoff.days.heading")),
                teamDays.legend(), teamDays, outcome, submit, result);
        from.addValueChangeListener(e -> preview());
        to.addValueChangeListener(e -> preview());
        day.addValueChangeListener(e -> preview());
        wholeDays.addValueChangeListener(e -> preview());
        preview();
    }

    private LocalDate tomorrow() {
        return LocalDate.now(zone).plusDays(1);
    }

    /** Shows the team's days from the chosen start (or tomorrow) and what sending would do. */
    void preview() {
        LocalDate[] chosen = fields.chosen();
        LocalDate start = chosen[0] == null ? tomorrow() : chosen[0];
        LocalDate end = start.plusDays(PREVIEW_DAYS - 1);
        if (chosen[1] != null && chosen[1].isAfter(end)) {
            end = chosen[1].isAfter(start.plusDays(Allotments.MAX_DAYS - 1)) ? start.plusDays(Allotments.MAX_DAYS - 1)
                    : chosen[1];
        }
        List<DayStatus> list;
        try {
            list = allotments.days(null, start, end);
        } catch (RuntimeException e) {
            LOG.warn("The team's days from {} to {} could not be read", start, end, e);
            list = List.of();
        }
        teamDays.show(list, chosen[0], chosen[1]);
        outcome.setText(outcomeText(list, chosen[0], chosen[1]));
    }

    private String outcomeText(List<DayStatus> list, LocalDate first, LocalDate last) {
        if (first == null || last == null || last.isBefore(first)) {
            return getTranslation("timeoff.outcome.choose");
        }
        if (!fields.days()) {
            return getTranslation("timeoff.outcome.span");
        }
        List<DayStatus> in = list.stream().filter(d -> !d.date().isBefore(first) && !d.date().isAfter(last)).toList();
        if (in.isEmpty()) {
            return getTranslation("timeoff.outcome.unknown");
        }
        String full = dates(in, DayState.FULL);
        if (!full.isEmpty()) {
            return getTranslation("timeoff.outcome.full", full);
        }
        String tight = dates(in, DayState.TIGHT);
        if (!tight.isEmpty()) {
            return getTranslation("timeoff.outcome.tight", tight);
        }
        return getTranslation("timeoff.outcome.open");
    }

    private String dates(List<DayStatus> days, DayState state) {
        return days.stream().filter(d -> d.state() == state).map(d -> AbsenceTexts.date(this, d.date()))
                .collect(Collectors.joining(", "));
    }

    NewAbsence request() {
        return fields.request();
    }

    void submit() {
        fields.clearErrors();
        result.removeAll();
        try {
            RequestOutcome done = requests.request(request());
            Paragraph p = new Paragraph(getTranslation("timeoff.sent." + done.status().name(),
                    AbsenceTexts.status(this, done.status())));
            p.addClassName(done.status() == AbsenceStatus.WAITLISTED ? "ab-outcome" : "ab-success");
            result.add(p);
            note.clear();
            sent.run();
            preview();
        } catch (ValidationFailedException e) {
            Map<String, String> errors = e.fieldErrors(AbsenceTexts.locale(this));
            fields.markErrors(errors);
            refused(String.join(" ", errors.values()));
        } catch (RuntimeException e) {
            refused(AbsenceTexts.refusal(this, e));
        }
    }

    private void refused(String message) {
        Paragraph p = new Paragraph(getTranslation("timeoff.refused", message));
        p.addClassName("ab-refusal");
        p.setId("time-off-refusal");
        result.add(p);
    }

    /** The refusal or confirmation shown after the last send. */
    String resultText() {
        return result.getElement().getTextRecursively();
    }
}
