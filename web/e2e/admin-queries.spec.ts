import { expect, test, type Page } from "@playwright/test";
import { hydrated, shotPath } from "./helpers";
import { signInViaApi } from "./app-helpers";
import { createOperator, downloaded, saveQueryViaApi } from "./admin-helpers";

// Saved queries (section SAVED_QUERIES, super admins only) against the real `satu serve`: the
// server checks a query by running it before it keeps it, runs it read-only within its limits,
// and records every save, run and deletion in the audit log.

/** Opens the form for a new query (or the chosen one's rewrite) and fills what is given. */
async function fillForm(page: Page, fields: { name?: string; description?: string; sql?: string }) {
  const form = page.getByTestId("query-form");
  await expect(form).toBeVisible();
  if (fields.name !== undefined) await form.getByTestId("query-name").fill(fields.name);
  if (fields.description !== undefined) await form.getByTestId("query-description").fill(fields.description);
  if (fields.sql !== undefined) await form.getByTestId("query-sql").fill(fields.sql);
  await form.getByTestId("query-save").click();
  return form;
}

test("a super admin writes a saved query, sees bad SQL refused, runs it, downloads it, edits and deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInViaApi(page, createOperator("super_admin"));
  const name = `Users by plan ${Date.now().toString(36)}`;
  await page.goto("/en/admin/queries/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saved queries");
  // Last in the nav, and the server's limits said once above the page.
  await expect(page.getByTestId("admin-nav").getByRole("link").last()).toHaveText("Saved queries");
  await expect(page.getByTestId("admin-nav-queries")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("query-limits")).toContainText("Read-only · up to 1,000 rows · 5 s");
  await expect(page.getByTestId("query-limits")).toContainText("2,000 characters");

  const create = page.getByTestId("query-new");
  await hydrated(create);
  await create.click();
  // Nothing sent without a name and SQL.
  const form = await fillForm(page, {});
  await expect(form.getByRole("alert")).toHaveText(["Name the query in 1 to 80 characters.", "Write the query's SQL."]);

  // SQL the database cannot read: its own words, verbatim, under a translated heading; nothing saved.
  await fillForm(page, { name, description: "How many accounts each plan has", sql: "SELEC plan_id, COUNT(*) AS users FROM users GROUP BY plan_id" });
  const saveError = page.getByTestId("query-save-error");
  await expect(saveError).toHaveAttribute("data-reason", "query_failed");
  await expect(saveError).toContainText("The database refused the query:");
  await expect(saveError.getByTestId("query-db-error")).toContainText("syntax error");

  // A write is refused by the server (read-only, one SELECT), and so is a second statement.
  await fillForm(page, { sql: "DELETE FROM users" });
  await expect(saveError).toHaveAttribute("data-reason", "query_failed");
  await expect(saveError.getByTestId("query-db-error")).toContainText("DELETE");
  await fillForm(page, { sql: "SELECT 1; DELETE FROM users" });
  await expect(saveError.getByTestId("query-db-error")).toHaveText("A saved query is one SELECT statement: remove the `;` between statements.");
  await expect(page.getByTestId("query-row").filter({ hasText: name })).toHaveCount(0);

  // A good one is saved and chosen.
  await fillForm(page, { sql: "SELECT plan_id, COUNT(*) AS users FROM users GROUP BY plan_id ORDER BY plan_id" });
  await expect(page.getByTestId("toast").filter({ hasText: `“${name}” was saved.` })).toBeVisible();
  await expect(page.getByTestId("query-form")).toHaveCount(0);
  await expect(page.getByTestId("query-title")).toHaveText(name);
  await expect(page).toHaveURL(/\/en\/admin\/queries\/\?id=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("query-sql-view")).toHaveText("SELECT plan_id, COUNT(*) AS users FROM users GROUP BY plan_id ORDER BY plan_id");
  await expect(page.getByTestId("query-row").filter({ hasText: name })).toHaveCount(1);

  // Run: the table, its size and time; every account is on some plan, Free at least this one's.
  await page.getByTestId("query-run").click();
  const table = page.getByTestId("query-result-table");
  await expect(table.locator("thead th")).toHaveText(["plan_id", "users"]);
  const free = table.getByTestId("query-result-row").filter({ has: page.getByRole("cell", { name: "free", exact: true }) });
  await expect(free).toHaveCount(1);
  const freeUsers = Number(await free.getByRole("cell").nth(1).textContent());
  expect(freeUsers).toBeGreaterThan(0);
  const rows = await table.getByTestId("query-result-row").count();
  await expect(page.getByTestId("query-result-summary")).toHaveText(new RegExp(`^${rows} rows · \\d+ ms$`));
  await expect(page.getByTestId("query-truncated")).toHaveCount(0);

  // The CSV is the server's, named after the query and the day.
  const csv = await downloaded(page, "query-csv");
  expect(csv.name).toMatch(/^satu-query-users-by-plan-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split("\r\n");
  expect(lines[0]).toBe("plan_id,users");
  expect(lines).toContain(`free,${freeUsers}`);
  expect(lines.filter(Boolean)).toHaveLength(rows + 1);
  const json = await downloaded(page, "query-json");
  expect(json.name).toMatch(/\.json$/);
  expect(JSON.parse(json.text)).toContainEqual({ plan_id: "free", users: String(freeUsers) });

  // Sorted by a header, filtered by text, in the page.
  const usersHeader = table.locator("thead th").nth(1);
  await usersHeader.getByRole("button").click();
  await expect(usersHeader).toHaveAttribute("aria-sort", "ascending");
  await usersHeader.getByRole("button").click();
  await expect(usersHeader).toHaveAttribute("aria-sort", "descending");
  await page.getByTestId("query-result-filter").fill("free");
  await expect(table.getByTestId("query-result-row")).toHaveCount(1);
  await expect(page.getByTestId("query-result-shown")).toHaveText(`1 of ${rows} rows shown`);

  // Rewritten: the last run goes (it was of the old SQL); NULL reads as NULL, not as empty.
  await page.getByTestId("query-edit").click();
  await fillForm(page, {
    sql: "SELECT plan_id, COUNT(*) AS users, CASE WHEN plan_id = 'free' THEN NULL ELSE 'paid' END AS kind FROM users GROUP BY plan_id ORDER BY plan_id",
  });
  await expect(page.getByTestId("query-title")).toHaveText(name);
  await expect(page.getByTestId("query-result")).toHaveCount(0);
  await page.getByTestId("query-run").click();
  await expect(table.locator("thead th")).toHaveText(["plan_id", "users", "kind"]);
  const nullCell = free.getByRole("cell").nth(2);
  await expect(nullCell).toHaveText("NULL");
  await expect(nullCell.locator("[data-null]")).toHaveCount(1);

  // Another query cannot take its name.
  await page.getByTestId("query-new").click();
  await fillForm(page, { name, sql: "SELECT 1 AS one" });
  await expect(page.getByTestId("query-form").getByRole("alert")).toHaveText("Another saved query has this name: choose another.");
  await page.getByTestId("query-form").getByRole("button", { name: "Cancel" }).click();

  // Deleted after a confirmation.
  await page.getByTestId("query-row").filter({ hasText: name }).getByTestId("query-open").click();
  await page.getByTestId("query-delete").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Delete “${name}”?`);
  await dialog.getByTestId("query-delete-confirm").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast").filter({ hasText: `“${name}” was deleted.` })).toBeVisible();
  await expect(page.getByTestId("query-row").filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByTestId("query-view")).toHaveCount(0);
  await expect(page).toHaveURL(/\/en\/admin\/queries\/$/);

  // The audit log has it all, newest first, under the query's name.
  await page.goto("/en/admin/audit/");
  const search = page.getByTestId("audit-search");
  await hydrated(search);
  await search.fill(name);
  await search.press("Enter");
  const entries = page.getByTestId("audit-log").getByTestId("audit-row");
  await expect(entries.first()).toHaveAttribute("data-action", "query.deleted");
  await expect(entries.first()).toContainText("Saved query deleted");
  await expect(page.getByTestId("audit-log").locator('[data-action="query.ran"]')).toHaveCount(2);
  await expect(page.getByTestId("audit-log").locator('[data-action="query.saved"]')).toHaveCount(2);
});

test("support and finance have no saved queries: no nav entry, and its address says why", async ({ page }) => {
  for (const [role, name] of [
    ["support", "Support"],
    ["finance", "Finance"],
  ] as const) {
    await page.context().clearCookies();
    await signInViaApi(page, createOperator(role));
    await page.goto("/en/admin/queries/");
    await expect(page.getByTestId("admin-forbidden")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not part of your role");
    await expect(page.getByTestId("admin-forbidden")).toContainText(`Your role (${name}) does not open this part of the admin panel.`);
    await expect(page.getByTestId("admin-nav").getByRole("link").first()).toBeVisible();
    await expect(page.getByTestId("admin-nav-queries")).toHaveCount(0);
    await expect(page.getByTestId("admin-nav")).not.toContainText("Saved queries");
    await expect(page.getByTestId("query-list")).toHaveCount(0);
  }
});

test("a run that matches more rows than it may read says where it was cut", async ({ page }) => {
  await signInViaApi(page, createOperator("super_admin"));
  const id = await saveQueryViaApi(
    page,
    `Counting to 1500 ${Date.now().toString(36)}`,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) SELECT i, CASE WHEN i % 2 = 0 THEN 'even' END AS parity FROM n",
  );
  await page.goto(`/en/admin/queries/?id=${id}`);
  const run = page.getByTestId("query-run");
  await hydrated(run);
  await run.click();
  await expect(page.getByTestId("query-truncated")).toHaveText(
    "Only the first 1,000 rows were read: more rows matched. Narrow the query (WHERE, GROUP BY, LIMIT) for the rest.",
  );
  await expect(page.getByTestId("query-result-summary")).toHaveText(/^1,000 rows · \d+ ms$/);
  await expect(page.getByTestId("query-result-row")).toHaveCount(1_000);
  // Numbers sort by value, not as text (10 after 9), NULLs last either way.
  const header = page.getByTestId("query-result-table").locator("thead th");
  await header.nth(0).getByRole("button").click();
  await header.nth(0).getByRole("button").click();
  await expect(header.nth(0)).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByTestId("query-result-row").first().getByRole("cell").first()).toHaveText("1000");
  await header.nth(1).getByRole("button").click();
  await expect(page.getByTestId("query-result-row").first().getByRole("cell").nth(1)).toHaveText("even");
  await expect(page.getByTestId("query-result-row").last().getByRole("cell").nth(1)).toHaveText("NULL");
  await page.screenshot({ path: shotPath("admin-queries-truncated-en") });
});
