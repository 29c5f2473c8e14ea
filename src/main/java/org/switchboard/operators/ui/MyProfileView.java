package org.switchboard.operators.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.switchboard.operators.ContractTerms;
import org.switchboard.operators.OperatorProfile;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.Roles;

/** An operator's own record: team, contract rules in words, skills. Schedules and requests come later. */
@Route("my-profile")
@Menu(title = "menu.myProfile", order = 5, icon = "vaadin:user")
@RolesAllowed(Roles.OPERATOR)
public class MyProfileView extends VerticalLayout implements HasDynamicTitle {

    final Div details = new Div();

    public MyProfileView(OperatorService operators) {
        setMaxWidth("48rem");
        details.setId("profile");
        operators.myProfile().ifPresentOrElse(this::show, () -> details.add(new Paragraph(
                getTranslation("profile.notLinked"))));
        add(details);
    }

    private void show(OperatorProfile p) {
        details.add(new H2(p.name() + " (" + p.employeeNumber() + ")"));
        details.add(line(getTranslation("operators.team"), p.team()),
                line(getTranslation("operators.grade"), getTranslation("operators.grade." + p.gradeLevel().name())),
                line(getTranslation("operators.timeZone"), p.timeZone()),
                line(getTranslation("profile.nights"), getTranslation(p.nightEligible() ? "common.yes" : "common.no")),
                line(getTranslation("operators.contract"), p.contract() + ": " + rules(p.terms())));
        UnorderedList skills = new UnorderedList();
        p.skillLevels().forEach(s -> skills.add(new ListItem(getTranslation("profile.skill", s.queue(), s.proficiency()))));
        details.add(new Paragraph(getTranslation("profile.skills")), skills);
    }

    /** The contract's rules in words, in the reader's language and number format. */
    String rules(ContractTerms t) {
        Locale locale = getLocale();
        String hours = t.getMinMinutesPerWeek().equals(t.getMaxMinutesPerWeek())
                ? getTranslation("profile.contract.hoursFixed", ContractsView.hours(t.getMaxMinutesPerWeek(), locale))
                : getTranslation("profile.contract.hoursRange", ContractsView.hours(t.getMinMinutesPerWeek(), locale),
                        ContractsView.hours(t.getMaxMinutesPerWeek(), locale));
        String nights = t.getMaxNightsInRow() != null && t.getMaxNightsInRow() > 0
                ? getTranslation("profile.contract.nights", t.getMaxNightsInRow())
                : getTranslation("profile.contract.noNights");
        return getTranslation("profile.contract.rules", hours, t.getMaxConsecutiveDays(), t.getMinConsecutiveDaysOff(),
                ContractsView.hours(t.getMinRestMinutes(), locale), nights, t.getMaxWeekendsPerPeriod());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.myProfile");
    }

    private Paragraph line(String label, String value) {
        Span name = new Span(getTranslation("profile.line", label));
        name.getStyle().set("font-weight", "600");
        return new Paragraph(name, new Span(value));
    }
}
