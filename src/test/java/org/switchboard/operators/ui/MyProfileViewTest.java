package org.switchboard.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
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
    @WithMockUser(username = "someone.else", roles = "OPERATOR")
    void anUnlinkedLoginIsToldWhatToDo() {
        MyProfileView view = navigate(MyProfileView.class);
        assertThat(view.details.getElement().getTextRecursively()).contains("not linked to an operator record");
    }
}
