package org.switchboard.operators.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.operators.OperatorProfile;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.Roles;

/** An operator's own record: team, contract rules in words, skills. Schedules and requests come later. */
@Route("my-profile")
@PageTitle("My profile")
@Menu(title = "My profile", order = 5, icon = "vaadin:user")
@RolesAllowed(Roles.OPERATOR)
public class MyProfileView extends VerticalLayout {

    final Div details = new Div();

    public MyProfileView(OperatorService operators) {
        setMaxWidth("48rem");
        details.setId("profile");
        operators.myProfile().ifPresentOrElse(this::show, () -> details.add(new Paragraph(
                "Your login is not linked to an operator record yet. Ask your planner to link it.")));
        add(details);
    }

    private void show(OperatorProfile p) {
        details.add(new H2(p.name() + " (" + p.employeeNumber() + ")"));
        details.add(line("Team", p.team()), line("Grade", p.grade()), line("Site time zone", p.timeZone()),
                line("Night shifts", p.nightEligible() ? "yes" : "no"),
                line("Contract", p.contract() + ": " + p.contractRules()));
        UnorderedList skills = new UnorderedList();
        p.skills().forEach(s -> skills.add(new ListItem(s)));
        details.add(new Paragraph("Skills:"), skills);
    }

    private static Paragraph line(String label, String value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        return new Paragraph(name, new Span(value));
    }
}
