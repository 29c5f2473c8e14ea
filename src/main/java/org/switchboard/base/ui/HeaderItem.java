package org.switchboard.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a module shows in the header of every signed-in screen (the notifications bell), without module base
 * knowing the module: a Spring bean; {@link MainLayout} asks every one for a new component when it is built (one per
 * browser tab) and shows them at the header's end, in the beans' order ({@code @Order}). A component that implements
 * {@link com.vaadin.flow.router.AfterNavigationObserver} is told after every navigation (to refresh a count).
 */
public interface HeaderItem {

    /** A new component for one screen's header. */
    Component create();
}
