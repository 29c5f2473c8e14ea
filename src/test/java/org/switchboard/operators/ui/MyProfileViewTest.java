package org.switchboard.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The demo operator login sees its own operator record with names and contract rules in words. */
@SpringBootTest
class MyProfileViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void operatorSeesTheLinkedRecord() {
        MyProfileView view = navigate(MyProfileView.class);
        String text = view.details.getElement().getTextRecursively();
        assertThat(text).contains("Anna Ivanova (E1001)", "Team: Aurora (day)",
                "Contract: Full time 40 h: 36 h to 40 h a week, at most 5 days in a row", "RU-GEN General line (Russian)");
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void aRussianReaderReadsTheRecordInRussian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        MyProfileView view = navigate(MyProfileView.class);
        String text = view.details.getElement().getTextRecursively();
        assertThat(text).contains("Группа: Aurora (day)", "Категория: ",
                "Трудовой договор: Full time 40 h: от 36 до 40 ч в неделю, не более 5 рабочих дней подряд",
                "уровень", "из 5", "Ночные смены: ")
                .doesNotContain("a week", "days in a row", " of 5");
    }

    @Test
    @WithMockUser(username = "someone.else", roles = "OPERATOR")
    void anUnlinkedLoginIsToldWhatToDo() {
        MyProfileView view = navigate(MyProfileView.class);
        assertThat(view.details.getElement().getTextRecursively()).contains("not linked to an operator record");
    }
}
