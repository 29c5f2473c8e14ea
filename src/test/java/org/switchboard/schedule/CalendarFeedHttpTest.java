package org.switchboard.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed through the real server (Vaadin's servlet and both security chains in place): the URL from
 * {@code /api/me/calendar} answers without sign-in, as {@code text/calendar}, without a session cookie; a wrong token
 * and a renewed one's old URL answer 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.embedded-db.directory=target/test-postgres-feed")
@Tag("own-server")
class CalendarFeedHttpTest {

    static final String LOGIN = "feed-http-operator";
    static final String PASSWORD = "feed-http-test-password";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    OperatorService operators;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void linkedLogin() {
        SystemAuthentication.runAsSystem(() -> {
            if (accounts.list().stream().noneMatch(a -> a.username().equals(LOGIN))) {
                UserAccount a = accounts.createWithPassword(LOGIN, "Feed operator", Set.of(Roles.OPERATOR), PASSWORD, false);
                Operator o = operators.list().stream().filter(op -> op.getUserId() == null).findFirst().orElseThrow();
                o.setUserId(a.id());
                operators.save(o);
            }
        });
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder signedIn(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((LOGIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFeedAnswersWithoutSignInAndRenewingKillsTheOldUrl() throws Exception {
        HttpResponse<String> me = send(signedIn("/api/me/calendar"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        String url = JSON.readTree(me.body()).get("url").asString();
        assertThat(url).matches("http://localhost:" + port + "/calendar/[A-Za-z0-9_-]{43}\\.ics");

        HttpResponse<String> feed = send(HttpRequest.newBuilder(URI.create(url)));
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.toLowerCase().replace(" ", "")).isEqualTo("text/calendar;charset=utf-8"));
        assertThat(feed.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n");
        assertThat(Biweekly.parse(feed.body()).first().getProductId().getValue()).contains("Switchboard");

        String wrong = url.substring(0, url.lastIndexOf('/') + 1) + "A".repeat(43) + ".ics";
        assertThat(send(HttpRequest.newBuilder(URI.create(wrong))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .as("only GET is open").isEqualTo(404);

        HttpResponse<String> renewed = send(signedIn("/api/me/calendar/renew").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String next = JSON.readTree(renewed.body()).get("url").asString();
        assertThat(next).isNotEqualTo(url);
        assertThat(send(HttpRequest.newBuilder(URI.create(url))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(next))).statusCode()).isEqualTo(200);
    }
}
