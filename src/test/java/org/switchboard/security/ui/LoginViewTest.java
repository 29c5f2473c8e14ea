package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The sign-in page tells a locked account how long to wait, in the reader's language. */
@SpringBootTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void aLockedAccountIsToldHowLongToWaitInEnglishAndRussian() {
        LoginView view = navigate(LoginView.class);
        view.showLocked(Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(view.shownError.getTitle()).isEqualTo("Account locked for now");
        assertThat(view.shownError.getMessage()).contains("15 min");

        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        view.showLocked(Instant.now().plus(Duration.ofSeconds(30)));
        assertThat(view.shownError.getTitle()).isEqualTo("Вход временно заблокирован");
        assertThat(view.shownError.getMessage()).contains("через 30 с.").doesNotContain("min");
    }

    @Test
    void theSignInFormSpeaksTheBrowsersLanguage() {
        LoginView english = navigate(LoginView.class);
        assertThat(english.words.getForm().getSubmit()).isEqualTo("Sign in");
        assertThat(english.getPageTitle()).isEqualTo("Sign in | Switchboard");

        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU")); // what Vaadin takes from Accept-Language: ru-RU
        UI.getCurrent().refreshCurrentRoute(true);
        LoginView russian = find(LoginView.class).single();
        assertThat(russian.words.getForm().getTitle()).isEqualTo("Вход");
        assertThat(russian.words.getForm().getUsername()).isEqualTo("Имя пользователя");
        assertThat(russian.words.getForm().getSubmit()).isEqualTo("Войти");
        assertThat(russian.words.getErrorMessage().getTitle()).isEqualTo("Неверное имя пользователя или пароль");
        assertThat(russian.getPageTitle()).isEqualTo("Вход | Switchboard");
    }
}
