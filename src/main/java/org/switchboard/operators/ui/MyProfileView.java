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
import java.util.Arrays;
import org.switchboard.operators.Grade;
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
                line(getTranslation("operators.grade"), gradeLabel(p.grade())),
                line(getTranslation("operators.timeZone"), p.timeZone()),
                line(getTranslation("profile.nights"), getTranslation(p.nightEligible() ? "common.yes" : "common.no")),
                line(getTranslation("operators.contract"), p.contract() + ": " + p.contractRules()));
        UnorderedList skills = new UnorderedList();
        p.skills().forEach(s -> skills.add(new ListItem(s)));
        details.add(new Paragraph(getTranslation("profile.skills")), skills);
    }

    /** The profile carries the grade's English label; the reader reads it in their language. */
    private String gradeLabel(String english) {
        return Arrays.stream(Grade.values()).filter(g -> g.label().equals(english)).findFirst()
                .map(g -> getTranslation("operators.grade." + g.name())).orElse(english);
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
