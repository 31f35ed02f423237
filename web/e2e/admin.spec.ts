import { expect, test } from "@playwright/test";
import { LOCALES, THEMES, hydrated, maxOverflow, shotPath } from "./helpers";
// Not a React hook: it saves the theme choice for the pages a test opens.
import { PASSWORD, gqlViaApi, signInViaApi, signUpViaApi, uniqueEmail, useTheme as pickTheme } from "./app-helpers";
import { act, checkDesktop, createCustomer, createOperator, downloaded, saveQueryViaApi } from "./admin-helpers";

/** The admin panel's pages; the user page needs a user's id (`?id=`). */
const ADMIN_PAGES = ["", "users", "user", "audit", "health", "finance", "logs", "analytics", "queries"] as const;

test("support finds a user, suspends them with a reason, sees it recorded, and lifts it", async ({ page }) => {
  test.setTimeout(90_000);
  const customer = createCustomer("customer");
  const operator = createOperator("support");

  // Signed out, the panel sends the operator to sign in and back; support's first page is Users
  // (its role has no Overview).
  await page.goto("/id/admin/");
  await expect(page).toHaveURL(/\/id\/signin\/\?next=%2Fid%2Fadmin%2F$/);
  const submit = page.getByRole("button", { name: "Masuk", exact: true });
  await hydrated(submit);
  await page.getByLabel("Email").fill(operator);
  await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
  await submit.click();
  await expect(page).toHaveURL(/\/id\/admin\/users\/$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pengguna");
  await expect(page.getByTestId("admin-nav").getByRole("link")).toHaveText(["Pengguna", "Kesehatan", "Log", "Log audit"]);
  await expect(page.getByTestId("admin-operator")).toContainText(operator);
  await expect(page.getByTestId("admin-operator").getByTestId("role-badge")).toHaveText("Dukungan");

  // Search by email; the row opens the user's page.
  const search = page.getByTestId("user-search");
  await hydrated(search);
  await search.fill(customer.email);
  await page.getByTestId("user-search-submit").click();
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(page.getByTestId("users-range")).toHaveText("1–1 dari 1");
  // The export holds what the filter matches.
  const csv = await downloaded(page, "export-csv");
  expect(csv.name).toMatch(/^satu-users-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, row] = csv.text.split("\r\n");
  expect(header).toBe(
    "id,email,displayName,planId,platformRole,emailVerified,suspendedAt,createdAt,lastActiveAt,mrrIdr,extraRequests,extraRequestsUntil",
  );
  expect(row.startsWith(`${customer.id},${customer.email},,free,,false,,`), row).toBe(true);
  await page.getByTestId("user-link").click();
  await expect(page).toHaveURL(new RegExp(`/id/admin/users/\\?id=${customer.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.email);
  await expect(page.getByTestId("user-standing")).toHaveAttribute("data-standing", "UNVERIFIED");

  // A reason is asked for before anything is sent.
  const suspend = page.getByTestId("action-suspend");
  await hydrated(suspend);
  await suspend.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Tangguhkan ${customer.email}?`);
  await dialog.getByTestId("action-reason").fill("no");
  await dialog.getByTestId("action-submit").click();
  await expect(dialog.getByRole("alert")).toHaveText("Tulis alasan 3 sampai 500 karakter.");
  await dialog.getByTestId("action-reason").fill("Chargeback fraud reported by the bank");
  await dialog.getByTestId("action-submit").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast").filter({ hasText: `${customer.email} ditangguhkan.` })).toBeVisible();
  await expect(page.getByTestId("user-standing")).toHaveAttribute("data-standing", "SUSPENDED");
  await expect(page.getByTestId("user-standing")).toHaveText("Ditangguhkan");
  await expect(page.getByTestId("profile-suspended")).not.toHaveText("—");
  const audit = page.getByTestId("user-audit").getByTestId("audit-row");
  await expect(audit).toHaveCount(1);
  await expect(audit.first()).toHaveAttribute("data-action", "user.suspended");
  await expect(audit.first().getByTestId("audit-reason")).toHaveText("Chargeback fraud reported by the bank");
  await expect(audit.first()).toContainText(operator);

  // Lifting it is recorded too, newest first.
  await expect(await act(page, "unsuspend", "The bank withdrew the report")).toBeHidden();
  await expect(page.getByTestId("user-standing")).toHaveAttribute("data-standing", "UNVERIFIED");
  await expect(audit).toHaveCount(2);
  await expect(audit.first()).toHaveAttribute("data-action", "user.unsuspended");

  // Extra requests for this period: a whole number and a reason.
  await page.getByTestId("action-grant").click();
  const grant = page.getByRole("dialog");
  await grant.getByTestId("action-requests").fill("500");
  await grant.getByTestId("action-reason").fill("Launch week goodwill");
  await grant.getByTestId("action-submit").click();
  await expect(grant).toBeHidden();
  await expect(page.getByTestId("profile-extra")).toContainText("500");
  await expect(audit).toHaveCount(3);
  await expect(audit.first()).toHaveAttribute("data-action", "user.requests_granted");

  // The audit log finds them all by the user's email.
  await page.getByTestId("admin-nav-audit").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log audit");
  const auditSearch = page.getByTestId("audit-search");
  await hydrated(auditSearch);
  await auditSearch.fill(customer.email);
  await auditSearch.press("Enter");
  await expect(page.getByTestId("audit-log").getByTestId("audit-row")).toHaveCount(3);
  await expect(page.getByTestId("audit-log").getByTestId("audit-row").first()).toContainText("Request tambahan diberikan");
  const json = await downloaded(page, "export-json");
  const entries = JSON.parse(json.text) as { action: string; reason: string; actorEmail: string }[];
  expect(entries.map((e) => [e.action, e.reason, e.actorEmail])).toEqual([
    ["user.requests_granted", "Launch week goodwill", operator],
    ["user.unsuspended", "The bank withdrew the report", operator],
    ["user.suspended", "Chargeback fraud reported by the bank", operator],
  ]);
});

test("the API's refusals are shown in the operator's language", async ({ page }) => {
  const customer = createCustomer("no-period");
  const operator = createOperator("support");
  await signInViaApi(page, operator);

  // No running period to extend.
  await page.goto(`/en/admin/users/?id=${customer.id}`);
  const extend = page.getByTestId("action-extend");
  await hydrated(extend);
  await extend.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-until").fill("2099-12-31");
  await dialog.getByTestId("action-reason").fill("Goodwill after the outage");
  await dialog.getByTestId("action-submit").click();
  await expect(dialog.getByRole("alert")).toHaveText("This user has no running period to extend: change their plan with a date instead.");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // An operator cannot suspend themselves.
  const me = (await gqlViaApi(page, "{adminMe{userId}}")).data?.adminMe as { userId: string };
  await page.goto(`/en/admin/users/?id=${me.userId}`);
  const selfDialog = await act(page, "suspend", "Testing what happens");
  await expect(selfDialog.getByRole("alert")).toHaveText("You cannot suspend your own account.");
});

test("finance sees the Overview but not Users, and the users page says why", async ({ page }) => {
  await signInViaApi(page, createOperator("finance"));
  await page.goto("/en/admin/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await expect(page.getByTestId("admin-nav").getByRole("link")).toHaveText(["Overview", "Finance"]);
  await expect(page.getByTestId("kpi-mrr-value")).toHaveText(/^Rp/);
  await expect(page.getByTestId("users-by-plan")).toBeVisible();
  // Made for a desktop: a narrower window still works, and says so.
  await expect(page.getByTestId("admin-desktop-note")).toBeHidden();
  await page.setViewportSize({ width: 900, height: 800 });
  await expect(page.getByTestId("admin-desktop-note")).toBeVisible();
  expect(await maxOverflow(page), "horizontal scroll at 900px").toBeLessThanOrEqual(0);
  await page.screenshot({ path: shotPath("admin-overview-en-900") });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/en/admin/users/");
  await expect(page.getByTestId("admin-forbidden")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not part of your role");
  await expect(page.getByTestId("admin-forbidden")).toContainText("Your role (Finance) does not open this part of the admin panel.");

  // The dashboard offers operators a way into the panel.
  await page.goto("/en/app/");
  await expect(page.getByTestId("nav-admin")).toHaveAttribute("href", "/en/admin/");
});

test("a signed-in customer sees a plain not-found page, and no way in from the dashboard", async ({ page }) => {
  await signUpViaApi(page, uniqueEmail("curious"));
  await page.goto("/id/admin/");
  await expect(page.getByTestId("admin-not-found")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await expect(page.getByTestId("admin-nav")).toHaveCount(0);
  await expect(page.getByTestId("admin-operator")).toHaveCount(0);

  await page.goto("/id/app/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("nav-admin")).toHaveCount(0);
});

// One test per locale and theme: a super admin opens every admin page, with a user who was
// comped a plan and suspended, so the tables show rows rather than only their empty states.
for (const locale of LOCALES) {
  for (const theme of THEMES) {
    test(`admin pages /${locale}/admin/… (${theme}): render, no serious axe issues, screenshots`, async ({ page }) => {
      test.setTimeout(180_000);
      const customer = createCustomer(`shown-${locale}`);
      await signInViaApi(page, createOperator("super_admin"));
      const reason = "Comp for the launch partners";
      const comp = await gqlViaApi(page, 'mutation($id:UUID!,$r:String!){adminSetUserPlan(id:$id,planId:"pro",until:"2099-01-31",reason:$r){user{id}}}', {
        id: customer.id,
        r: reason,
      });
      expect(comp.errors ?? null).toBeNull();
      const suspend = await gqlViaApi(page, "mutation($id:UUID!,$r:String!){adminSuspendUser(id:$id,reason:$r){user{id}}}", { id: customer.id, r: "Shared the account publicly" });
      expect(suspend.errors ?? null).toBeNull();
      // A saved query to choose and run (the list holds the other tests' queries too).
      const queryId = await saveQueryViaApi(
        page,
        `Accounts by plan (${locale}, ${theme}) ${Date.now().toString(36)}`,
        "SELECT plan_id, COUNT(*) AS accounts, SUM(CASE WHEN suspended_at IS NULL THEN 0 ELSE 1 END) AS suspended, MAX(display_name) AS some_name FROM users GROUP BY plan_id ORDER BY accounts DESC",
        "How many accounts each plan has, and how many of them are suspended.",
      );

      await page.setViewportSize({ width: 1280, height: 800 });
      await pickTheme(page, theme);
      for (const name of ADMIN_PAGES) {
        const url = name === "user" ? `/${locale}/admin/users/?id=${customer.id}` : `/${locale}/admin/${name ? `${name}/` : ""}`;
        const res = await page.goto(url);
        expect(res?.status()).toBe(200);
        await expect(page.locator("html")).toHaveClass(new RegExp(theme));
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
        await expect(page.locator("[role=status][aria-label]")).toHaveCount(0, { timeout: 15_000 });
        // The live strip has its first figures (not "connecting") before the shot.
        if (name === "") await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
        await checkDesktop(page, `admin-${name || "overview"}-${locale}-${theme}`);
        if (name === "queries") {
          // One query chosen and run: its SQL and the result's table (NULLs included).
          await page.goto(`/${locale}/admin/queries/?id=${queryId}`);
          const run = page.getByTestId("query-run");
          await hydrated(run);
          await run.click();
          await expect(page.getByTestId("query-result-row").first()).toBeVisible({ timeout: 15_000 });
          await checkDesktop(page, `admin-queries-result-${locale}-${theme}`);
          // The form, as it opens for a rewrite.
          await page.getByTestId("query-edit").click();
          await expect(page.getByTestId("query-name")).toBeFocused();
          await checkDesktop(page, `admin-queries-form-${locale}-${theme}`);
        }
        if (name === "user") {
          await expect(page.getByTestId("user-periods")).toBeVisible();
          // An action's dialog, as the operator sees it over the page.
          const changePlan = page.getByTestId("action-plan");
          await hydrated(changePlan);
          await changePlan.click();
          await expect(page.getByRole("dialog").getByTestId("action-plan")).toBeFocused();
          await checkDesktop(page, `admin-user-dialog-${locale}-${theme}`, { fullPage: false });
          await page.keyboard.press("Escape");
          await expect(changePlan).toBeFocused();
        }
      }
    });
  }
}
