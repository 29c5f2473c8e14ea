package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A planner signs in in a real headless Chromium, opens the operators screen and sees the demo operators. */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInE2ETest {

    @LocalServerPort
    int port;

    @Test
    void plannerSignsInAndOpensOperators() {
        inBrowser("last-e2e-page.png", SignInE2ETest::signInAndOpenOperators);
    }

    @Test
    void adminCreatesAnAccountWhoseOwnerMustChooseAPassword() {
        inBrowser("last-e2e-admin-page.png", SignInE2ETest::createAccountAndFirstSignIn);
    }

    @Test
    void operatorOpeningAPlannersScreenOrAMistypedOneStaysInsideTheFrame() {
        inBrowser("last-e2e-denied-page.png", SignInE2ETest::openRefusedAndUnknownScreens);
    }

    @Test
    void aRussianBrowserReadsRussianUntilThePlannerChoosesEnglishInTheProfile() {
        inBrowser("last-e2e-russian-page.png", "ru-RU", SignInE2ETest::russianThenEnglish);
    }

    /** Runs a journey in a fresh headless Chromium page and keeps a screenshot of where it ended. */
    private void inBrowser(String lastScreenshot, BiConsumer<Page, String> journey) {
        inBrowser(lastScreenshot, "en-US", journey);
    }

    /** As above, with the browser's language ({@code Accept-Language}) set to {@code locale}. */
    private void inBrowser(String lastScreenshot, String locale, BiConsumer<Page, String> journey) {
        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900).setLocale(locale));
            page.setDefaultTimeout(60_000);
            try {
                journey.accept(page, base);
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + lastScreenshot)));
            }
        }
    }

    private static void createAccountAndFirstSignIn(Page page, String base) {
        page.navigate(base + "/users");
        signIn(page, "admin", "switchboard");
        page.waitForURL(url -> url.contains("/users"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
        page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill("olga.petrova");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Olga Petrova");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        String oneTime = page.locator("#one-time-password").innerText().trim();
        org.assertj.core.api.Assertions.assertThat(oneTime).hasSize(16);
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("olga.petrova")))
                .isVisible();

        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        page.navigate(base + "/");
        signIn(page, "olga.petrova", oneTime);
        page.waitForURL(url -> url.contains("/change-password"));
        page.getByLabel("Current password", new Page.GetByLabelOptions().setExact(true)).fill(oneTime);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("olga-chose-this-one");
        page.getByLabel("New password again", new Page.GetByLabelOptions().setExact(true)).fill("olga-chose-this-one");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        page.waitForURL(url -> !url.contains("/change-password"));
        Locator menu = page.locator("vaadin-side-nav-item");
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("My profile"))).isVisible();
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("Operators"))).hasCount(0);
    }

    private static void openRefusedAndUnknownScreens(Page page, String base) {
        page.navigate(base + "/login");
        signIn(page, "operator", "switchboard");
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(base + "/operators");
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#access-denied h2")).hasText("Not for your role");
        Locator menu = page.locator("vaadin-side-nav-item");
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("My profile"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/access-denied.png")));

        page.navigate(base + "/no-such-screen");
        assertThat(page.locator("#not-found h2")).hasText("Page not found");
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("My profile"))).isVisible();
        page.locator("#error-home").click();
        page.waitForURL(url -> url.equals(base + "/"));
        assertThat(page.locator("h2").first()).containsText("Welcome");
    }

    private static void russianThenEnglish(Page page, String base) {
        page.navigate(base + "/login");
        assertThat(page.locator("vaadin-button[slot='submit']")).hasText("Войти");
        signIn(page, "manager", "switchboard");
        page.waitForURL(url -> !url.contains("/login"));
        Locator menu = page.locator("vaadin-side-nav-item");
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("Операторы"))).isVisible();
        assertThat(page.locator("#sign-out")).hasText("Выйти");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-ru.png")));

        page.locator("#language").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("English")).click();
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("Operators"))).isVisible();
        assertThat(page.locator("#sign-out")).hasText("Sign out");

        // the choice is the profile's: a new sign-in from the same Russian browser reads English
        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        // the sign-in page opened afresh, as the password journey does: typed while the sign-out's own page was still
        // loading, the name and password were lost once (the form came up empty)
        page.navigate(base + "/login");
        signIn(page, "manager", "switchboard");
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("Operators"))).isVisible();
        assertThat(page.locator("#sign-out")).hasText("Sign out");
    }

    private static void signIn(Page page, String user, String password) {
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill(password);
        page.locator("vaadin-button[slot='submit']").click();
    }

    private static void signInAndOpenOperators(Page page, String base) {
        page.navigate(base + "/operators");
        page.waitForURL(url -> url.contains("/login"));

        signIn(page, "planner", "wrong-password");
        page.waitForURL(url -> url.contains("/login?error"));
        assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");

        signIn(page, "planner", "switchboard");
        page.waitForURL(url -> url.contains("/operators"));

        Locator menu = page.locator("vaadin-side-nav-item");
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("Operators"))).isVisible();
        assertThat(menu.filter(new Locator.FilterOptions().setHasText("Users"))).hasCount(0); // admins only
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("E1001")))
                .isVisible();
        assertThat(page.locator("#signed-in-user")).containsText("planner");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/operators.png")));

        // edit an operator in the form beside the grid
        page.locator("#search input").fill("E1002");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("E1002"));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("E1003")))
                .hasCount(0);
        row.click();
        Locator lastName = page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true));
        assertThat(lastName).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/operator-form.png")));
        lastName.fill("Browser-Edited");
        lastName.press("Tab");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Browser-Edited")))
                .isVisible();

        for (String screen : new String[] {"shift-templates", "queues", "contracts"}) {
            page.locator("vaadin-side-nav-item[path='" + screen + "']").click();
            page.waitForURL(url -> url.endsWith("/" + screen));
            assertThat(page.locator("vaadin-grid")).isVisible();
            page.locator("vaadin-grid-cell-content").first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + screen + ".png")));
        }
    }
}
