package org.switchboard.swaps.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.operators.Operator;
import org.switchboard.shared.Roles;
import org.switchboard.swaps.Swap;
import org.switchboard.swaps.SwapViews;
import org.switchboard.swaps.Swaps;

/**
 * "Shift swaps", the swap board. Its parts depend on who reads it: an operator (a login linked to an operator) offers
 * a shift to a colleague or to anyone ({@link OfferForm}), takes offers ({@link OpenOffers}) and follows their own
 * trades with Accept, Decline and Cancel ({@link SwapList}); managers and admins decide the trades waiting for
 * approval ({@link WaitingPanel}); planners and admins offer open shifts ({@link OpenShiftOffers}); planners, managers
 * and admins see all trades.
 */
@Route("swaps")
@Menu(title = "menu.swaps", order = 4.6, icon = "vaadin:exchange")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR})
public class SwapBoardView extends VerticalLayout implements HasDynamicTitle {

    final Outcome outcome = new Outcome();
    final SwapActions actions;
    OfferForm offer;
    OpenOffers open;
    SwapList mine;
    WaitingPanel waiting;
    SwapList all;
    OpenShiftOffers openShifts;
    private final Swaps swaps;
    private final SwapViews views;

    public SwapBoardView(Swaps swaps, SwapViews views) {
        this.swaps = swaps;
        this.views = views;
        setMaxWidth("90rem");
        setId("swap-board");
        actions = new SwapActions(this, swaps, views, outcome, this::refresh);
        boolean decides = SwapTexts.decides();
        boolean plans = SwapTexts.plans();
        boolean seesAll = decides || SwapTexts.hasRole(Roles.PLANNER);
        Optional<Operator> me = swaps.me();
        add(new H2(getTranslation("swapui.title")), outcome);
        if (me.isPresent()) {
            offer = new OfferForm(swaps, me.get(), this::refresh);
            open = new OpenOffers(actions);
            mine = new SwapList("swap-mine-grid", me.get().getId(), false, false, actions);
            add(new H3(getTranslation("swapui.offer.title")), offer, new H3(getTranslation("swapui.open.title")), open,
                    new H3(getTranslation("swapui.mine.title")), mine);
        } else if (!seesAll && !plans) {
            add(new Paragraph(getTranslation("swap.error.notOperator")));
        }
        if (decides) {
            waiting = new WaitingPanel(swaps, actions);
            add(new H3(getTranslation("swapui.waiting.title")), waiting);
        }
        if (plans) {
            openShifts = new OpenShiftOffers(swaps, outcome, this::refresh);
            add(new H3(getTranslation("swapui.openShifts.title")), new Paragraph(getTranslation("swapui.openShifts.help")),
                    openShifts);
        }
        if (seesAll) {
            all = new SwapList("swap-all-grid", null, decides, true, actions);
            add(new H3(getTranslation("swapui.all.title")), all);
        }
        refresh();
    }

    /** Everything on the board as it is now. */
    void refresh() {
        Locale locale = SwapTexts.locale(this);
        List<Swap> listed = offer != null || all != null ? swaps.list() : List.of();
        if (offer != null) {
            offer.refresh();
            open.show(SwapRow.of(views, swaps.open(locale), locale));
            long myId = mine.myId();
            mine.show(SwapRow.of(views, listed.stream().filter(s -> s.operatorIds().contains(myId)).toList(), locale));
        }
        if (waiting != null) {
            waiting.show(SwapRow.of(views, swaps.waiting(), locale));
        }
        if (openShifts != null) {
            openShifts.show(swaps.openShiftsToOffer());
        }
        if (all != null) {
            all.show(SwapRow.of(views, listed, locale));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("swapui.title");
    }
}
