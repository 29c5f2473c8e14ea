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
}
