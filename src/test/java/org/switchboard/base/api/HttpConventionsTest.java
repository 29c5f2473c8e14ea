package org.switchboard.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API answers like a standard service, over real HTTP through Tomcat (where the servlet container's error
 * page used to turn errors into a redirect to the sign-in page or an empty 403): 401 with a challenge, 403, 404,
 * 405, 406, 415, 500 and 503, each with an RFC 9457 problem body; and the sign-in form refuses a post without
 * its CSRF token. Runs its own server and database (a separate directory), in a JVM of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.embedded-db.directory=target/test-postgres-http")
@Tag("own-server") // a JVM of its own (see the pom): a second context would upset the shared one's security
@Import(HttpConventionsTest.Failing.class)
class HttpConventionsTest {

    static final String PASSWORD = "http-conventions-password";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A controller that fails the way a bug would, to see the 500 answer. */
    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/api/test-only/failure")
        String fail() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @BeforeEach
    void users() {
        SystemAuthentication.runAsSystem(() -> {
            if (accounts.list().stream().noneMatch(a -> a.username().equals("http-planner"))) {
                accounts.createWithPassword("http-planner", "HTTP planner", Set.of(Roles.PLANNER), PASSWORD, false);
                accounts.createWithPassword("http-operator", "HTTP operator", Set.of(Roles.OPERATOR), PASSWORD, false);
                accounts.createWithPassword("http-newcomer", "HTTP newcomer", Set.of(Roles.PLANNER), PASSWORD, true);
            }
        });
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).startsWith("/api");
        assertThat(body.get("errors").isArray()).isTrue();
        return body;
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAChallengeNotARedirect() throws Exception {
        HttpResponse<String> response = send(request("/api/rosters").GET().build());
        problem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"Switchboard\""));

        HttpResponse<String> wrong = send(request("/api/rosters").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("http-operator:wrong-password".getBytes())).GET().build());
        assertThat(problem(wrong, 401).get("detail").asString()).contains("wrong");
    }

    @Test
    void aRoleThatMayNotGets403() throws Exception {
        HttpResponse<String> response = send(request("/api/rosters").header("Authorization", basic("http-operator"))
                .GET().build());
        assertThat(problem(response, 403).get("detail").asString()).contains("role");
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeUsingTheApi() throws Exception {
        HttpResponse<String> response = send(request("/api/rosters").header("Authorization", basic("http-newcomer"))
                .GET().build());
        assertThat(problem(response, 403).get("detail").asString()).contains("one-time password");
    }

    @Test
    void anUnknownApiPathIs404NotTheUiPage() throws Exception {
        HttpResponse<String> response = send(request("/api/no-such-thing/42").header("Authorization",
                basic("http-planner")).GET().build());
        assertThat(problem(response, 404).get("detail").asString()).contains("/api/no-such-thing/42");
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> response = send(request("/api/staffing/erlang").header("Authorization",
                basic("http-planner")).DELETE().build());
        problem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        HttpResponse<String> response = send(request("/api/staffing/erlang").header("Authorization",
                        basic("http-planner")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("calls=100")).build());
        problem(response, 415);
    }

    @Test
    void anUnacceptableAcceptIs406() throws Exception {
        HttpResponse<String> response = send(request("/api/rosters").header("Authorization", basic("http-planner"))
                .header("Accept", "image/png").GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
    }

    @Test
    void anUnexpectedErrorIs500WithoutItsInternals() throws Exception {
        HttpResponse<String> response = send(request("/api/test-only/failure").header("Authorization",
                basic("http-planner")).GET().build());
        JsonNode body = problem(response, 500);
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(body.get("detail").asString()).contains("logged");
    }

    @Test
    void invalidInputIs400ProblemWithFieldAndReason() throws Exception {
        HttpResponse<String> response = send(request("/api/staffing/erlang").header("Authorization",
                        basic("http-planner")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"callsPerInterval\":-5,\"ahtSeconds\":180}")).build());
        JsonNode body = problem(response, 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isNotBlank();
        assertThat(body.get("errors").get(0).get("reason").asString()).isNotBlank();
        assertThat(body.get("message").asString()).isEqualTo(body.get("detail").asString());
    }

    @Test
    void whileStartingTheApiAnswers503WithRetryAfter() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> response = send(request("/api/rosters").header("Authorization", basic("http-planner"))
                    .GET().build());
            problem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(send(request("/api/rosters").header("Authorization", basic("http-planner")).GET().build())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        String form = "username=http-planner&password=" + PASSWORD;
        HttpResponse<String> forged = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        // refused: Vaadin's handler sends the browser back to the sign-in page, not signed in (it was 302 to "/")
        assertThat(forged.statusCode()).isIn(302, 403);
        assertThat(forged.headers().firstValue("Location").orElse("/login")).contains("/login");
        String forgedCookie = forged.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse("");
        HttpResponse<String> afterForgery = send(request("/").header("Cookie", forgedCookie).GET().build());
        assertThat(afterForgery.statusCode()).as("still signed out").isEqualTo(302);

        // the real page carries the token (Vaadin's login form posts it), and with it sign-in works
        HttpResponse<String> page = send(request("/login").GET().build());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page.body());
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(page.body()).as("Vaadin's own sign-in page, not Spring's default one").doesNotContain("Please sign in");
        assertThat(parameter.find()).as("CSRF parameter in the sign-in page").isTrue();
        assertThat(token.find()).as("CSRF token in the sign-in page").isTrue();
        HttpResponse<String> signedIn = send(request("/login").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&" + parameter.group(1) + "=" + token.group(1)))
                .build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
        String session = signedIn.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
        assertThat(send(request("/").header("Cookie", session).GET().build()).statusCode()).as("signed in").isEqualTo(200);
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndTheSessionCookieIsSameSite() throws Exception {
        HttpResponse<String> page = send(request("/login").GET().build());
        assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.statusCode() + " " + page.headers().map())
                .hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    /** A JSON body of {@code size} bytes made up as it is read (never held in memory), counting what was read. */
    static final class Generated extends java.io.InputStream {
        final long size;
        final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        private final byte[] head = "{\"callsPerInterval\":100,\"ahtSeconds\":180,\"note\":\"".getBytes(StandardCharsets.UTF_8);

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            long at = served.get();
            if (at >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - at);
            for (int i = 0; i < n; i++) {
                long p = at + i;
                buffer[offset + i] = p < head.length ? head[(int) p] : p == size - 2 ? (byte) '"' : p == size - 1 ? (byte) '}' : (byte) 'x';
            }
            served.addAndGet(n);
            return n;
        }
    }

    static long usedHeapMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }

    @Test
    void aJsonBodyAboveTheLimitIs413AndIsNeverReadWhole() throws Exception {
        long heapBefore = usedHeapMb();
        // 300 MB declared: refused before its body is read (answered 413, or the connection closed long before the end)
        Generated declared = new Generated(300L * 1024 * 1024);
        String outcome;
        try {
            HttpResponse<String> r = send(request("/api/staffing/erlang").header("Authorization", basic("http-planner"))
                    .header("Content-Type", "application/json").expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> declared),
                            declared.size)).build());
            outcome = String.valueOf(r.statusCode());
            if (r.statusCode() == 413) {
                assertThat(problem(r, 413).get("detail").asString()).contains("2 MB");
            }
        } catch (java.io.IOException e) {
            outcome = "connection closed: " + e;
        }
        assertThat(outcome).matches("413|connection closed.*");
        assertThat(declared.served.get()).as("bytes the client could send").isLessThan(50L * 1024 * 1024);

        // 100 MB without a declared length (chunked): read up to the limit, then 413
        Generated chunked = new Generated(100L * 1024 * 1024);
        try {
            HttpResponse<String> r = send(request("/api/staffing/erlang").header("Authorization", basic("http-planner"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunked)).build());
            assertThat(problem(r, 413).get("errors").isArray()).isTrue();
        } catch (java.io.IOException e) {
            // the connection was closed on the client still sending: refused all the same
        }
        assertThat(chunked.served.get()).as("bytes the client could send").isLessThan(50L * 1024 * 1024);

        assertThat(usedHeapMb() - heapBefore).as("heap held after refusing 400 MB of bodies (MB)").isLessThan(64);
        // a body under the limit is still read, and the server answers as before
        HttpResponse<String> small = send(request("/api/staffing/erlang").header("Authorization", basic("http-planner"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(1024 * 1024))).build());
        assertThat(small.statusCode()).as(small.body()).isIn(200, 400); // 1 MB of JSON, read whole: not 413
        assertThat(send(request("/api/rosters").header("Authorization", basic("http-planner")).GET().build())
                .statusCode()).isEqualTo(200);
    }
}
