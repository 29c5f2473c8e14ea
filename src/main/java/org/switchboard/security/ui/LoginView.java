package org.switchboard.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.time.Instant;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.security.web.WebAttributes;
import org.switchboard.security.SignInLockedException;
import org.springframework.core.env.Environment;
import org.switchboard.base.DemoMode;

/** Sign-in page. In demo mode it lists the demo logins. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm login = new LoginForm();
    /** The error the form shows, when it is one of ours (for tests: the form's own getter is not public). */
    LoginI18n.ErrorMessage shownError;
    /** The words the form shows (for tests, as above). */
    LoginI18n words;

    public LoginView(Environment environment) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        words = i18n();
        login.setI18n(words);
        add(new H1("Switchboard"), login);
        if (DemoMode.enabled(environment)) {
            Div demo = new Div(new Paragraph(getTranslation("login.demo")));
            demo.setId("demo-logins");
            demo.addClassName("demo-logins");
            add(demo);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        login.setError(true);
        // Spring Security keeps why the last sign-in failed in the session
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof SignInLockedException locked) {
            showLocked(locked.until());
        }
    }

    /** The sign-in form's words in the reader's language (the browser's, before sign-in). */
    LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.text"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }

    /** Says that sign-in is refused for now, and for how long (relative, so no time zone is needed). */
    void showLocked(Instant until) {
        long seconds = Math.max(1, (Duration.between(Instant.now(), until).toMillis() + 999) / 1000);
        LoginI18n i18n = i18n();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.locked.title"));
        error.setMessage(seconds < 120
                ? getTranslation("login.locked.seconds", seconds)
                : getTranslation("login.locked.minutes", (seconds + 59) / 60));
        login.setI18n(i18n);
        words = i18n;
        shownError = error;
    }
}
