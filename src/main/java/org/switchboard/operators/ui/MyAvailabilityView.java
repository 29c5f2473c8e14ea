package org.switchboard.operators.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.switchboard.operators.AvailabilityService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.SetBy;
import org.switchboard.operators.WishService;
import org.switchboard.shared.Roles;

/**
 * The signed-in operator's recurring availability (their own rows and a planner's override, marked) and their wishes
 * for the wish periods that have not ended, with each period's deadline; both changed here (wishes until the
 * deadline).
 */
@Route("my-availability")
@Menu(title = "menu.myAvailability", order = 4.7, icon = "vaadin:calendar-clock")
@RolesAllowed(Roles.OPERATOR)
public class MyAvailabilityView extends VerticalLayout implements HasDynamicTitle {

    final Div content = new Div();
    AvailabilityEditor availability;
    WishesPanel wishes;

    public MyAvailabilityView(OperatorService operators, AvailabilityService availabilityService, WishService wishService) {
        setMaxWidth("72rem");
        content.setId("my-availability");
        content.setWidthFull();
        operators.mine().ifPresentOrElse(o -> show(o, availabilityService, wishService),
                () -> content.add(new Paragraph(getTranslation("error.availability.notLinked"))));
        add(content);
    }

    private void show(Operator me, AvailabilityService service, WishService wishService) {
        content.add(new H2(getTranslation("menu.myAvailability")), new Paragraph(getTranslation("availability.intro")));
        availability = new AvailabilityEditor(SetBy.OPERATOR, service::replaceMine);
        availability.show(service.mine());
        LocalDate today = LocalDate.now(me.zone());
        wishes = new WishesPanel(me.zone(), () -> wishService.mine(today, null), wishService::addMine,
                wishService::deleteMine, true);
        content.add(availability, wishes);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.myAvailability");
    }
}
