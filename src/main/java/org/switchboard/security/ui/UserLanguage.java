package org.switchboard.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.base.ui.LanguagePreference;
import org.switchboard.base.ui.Languages;
import org.switchboard.security.UserAccountService;

/**
 * The signed-in user's language: kept in their account, applied to every new page (UI) they open, so after sign-in
 * the UI speaks the language of the profile. Before sign-in, or while they have chosen none, Vaadin's own choice from
 * the browser's {@code Accept-Language} (matched against the languages {@code Translations} provides) stays.
 */
@Component
class UserLanguage implements LanguagePreference, VaadinServiceInitListener {

    private final UserAccountService accounts;

    UserLanguage(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> applyTo(init.getUI()));
    }

    /** Shows {@code ui} (and its session) in the signed-in user's saved language, if they chose one. */
    void applyTo(UI ui) {
        saved().ifPresent(locale -> Languages.apply(ui, locale));
    }

    @Override
    public Optional<Locale> saved() {
        return signedInUser().flatMap(accounts::chosenLocale);
    }

    @Override
    public void save(Locale locale) {
        accounts.setOwnLocale(locale);
    }

    private static Optional<String> signedInUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? Optional.empty()
                : Optional.of(auth.getName());
    }
}
