import { expect, test, type Page } from "@playwright/test";
import { LOCALES, THEMES, hydrated } from "./helpers";
// Not a React hook: it saves the theme choice for the pages a test opens.
import { PASSWORD, addMockConnection, checkAndShoot, gqlViaApi, setPlan, signUpViaApi, uniqueEmail, useTheme as pickTheme, waitForEmail } from "./app-helpers";
import { startMockOpenAI } from "./mock-upstream";

const INVITE_LINK = /http:\/\/\S+\/(?:id|en)\/invite\/\?token=[A-Za-z0-9_-]+/;

/** A chat completion through Satu with a Satu key, as any client sends it. */
async function chat(key: string) {
  const res = await fetch(`http://127.0.0.1:${process.env.WEB_E2E_PORT}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Halo" }] }),
  });
  return { status: res.status, body: await res.text() };
}

/** The owner's new team, created on the Team page; the tab then works in it. */
async function createTeam(page: Page, name: string) {
  await page.goto("/en/app/team/");
  const create = page.getByTestId("team-create");
  await hydrated(create);
  await page.getByTestId("team-name").fill(name);
  await create.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name, { timeout: 15_000 });
  await expect(page.getByTestId("workspace-current")).toHaveText(name);
}

async function invite(page: Page, email: string) {
  const open = page.getByTestId("invite-open");
  await hydrated(open);
  await open.click();
  await page.getByTestId("invite-email").fill(email);
  await page.getByTestId("invite-send").click();
  await expect(page.getByTestId("invite-row").and(page.locator(`[data-email="${email}"]`))).toBeVisible();
}

test("an owner invites two people, a member's request shows live by member, and removing them stops their key", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const upstream = await startMockOpenAI();
  const owner = uniqueEmail("owner");
  const existing = uniqueEmail("existing");
  const newcomer = uniqueEmail("newcomer");
  const memberContext = await browser.newContext();
  const newcomerContext = await browser.newContext();
  try {
    await signUpViaApi(page, owner, "en");
    setPlan(owner, "team");
    const member = await memberContext.newPage();
    await signUpViaApi(member, existing, "en");

    // The owner creates the team and gives it a connection (the team's own, not theirs).
    await createTeam(page, "Kopi Labs");
    await addMockConnection(page, "en", upstream.baseUrl);

    // Two invites: one to an existing account, one to an address without one.
    await page.goto("/en/app/team/");
    await invite(page, existing);
    await invite(page, newcomer);

    // The existing user, signed in, joins from the emailed link.
    const [memberLink] = await waitForEmail(existing, INVITE_LINK);
    await member.goto(memberLink);
    const join = member.getByTestId("invite-join");
    await hydrated(join);
    await join.click();
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Kopi Labs", { timeout: 15_000 });
    await expect(member.getByTestId("workspace-current")).toHaveText("Kopi Labs");

    // The newcomer signs up on the way, with the invited address.
    const newcomerPage = await newcomerContext.newPage();
    const [newcomerLink] = await waitForEmail(newcomer, INVITE_LINK);
    await newcomerPage.goto(newcomerLink);
    await expect(newcomerPage.getByLabel("Email")).toHaveValue(newcomer);
    const signUp = newcomerPage.getByTestId("invite-signup");
    await hydrated(signUp);
    await newcomerPage.getByTestId("invite-name").fill("Dewi");
    await newcomerPage.getByTestId("invite-password").fill(PASSWORD);
    await signUp.click();
    await expect(newcomerPage.getByRole("heading", { level: 1 })).toHaveText("Kopi Labs", { timeout: 15_000 });

    // Both joined; no invite is left open.
    await page.reload();
    await expect(page.getByTestId("member-row")).toHaveCount(3);
    await expect(page.getByTestId("invite-row")).toHaveCount(0);

    // The member makes a team key.
    await member.goto("/en/app/keys/");
    const create = member.getByTestId("create-key");
    await hydrated(create);
    await create.click();
    await member.getByRole("dialog").getByLabel("Name").fill("laptop");
    await member.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    const key = (await member.getByTestId("new-secret").textContent())?.trim() ?? "";
    expect(key).toMatch(/^sk-satu-/);

    // The owner watches Usage; the member's request appears without a reload, as theirs.
    await page.goto("/en/app/usage/");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "connected", { timeout: 10_000 });
    const answer = await chat(key);
    expect(answer.status, answer.body).toBe(200);
    await expect(page.getByTestId("request-member").first()).toHaveText(existing, { timeout: 10_000 });
    expect(upstream.requests()).toBe(1);

    // Grouped by member: the chart's legend and the breakdown name them.
    await page.getByTestId("group-by").selectOption("MEMBER");
    await expect(page.getByTestId("breakdown-row")).toHaveCount(1);
    await expect(page.getByTestId("breakdown-row").first()).toContainText(existing);
    await expect(page.locator("section", { has: page.getByTestId("usage-chart-requests") })).toContainText(existing);
    await checkAndShoot(page, "team-usage-by-member-en-dark");

    // The team page counts the request for the member; then the owner removes them.
    await page.goto("/en/app/team/");
    const row = page.locator(`[data-testid=member-row][data-email="${existing}"]`);
    await expect(row.getByTestId("member-requests")).toHaveText("1");
    await checkAndShoot(page, "team-owner-en-dark");
    const actions = row.getByTestId("member-actions");
    await hydrated(actions);
    await actions.click();
    await page.getByTestId("member-remove").click();
    await page.getByTestId("member-remove-confirm").click();
    await expect(page.getByTestId("member-row")).toHaveCount(2);
    const removedAt = Date.now();
    await expect.poll(async () => (await chat(key)).status, { timeout: 1_000, intervals: [50] }).toBe(401);
    console.log(`teams: removed member's key refused ${Date.now() - removedAt} ms after the removal answered`);
    expect(upstream.requests()).toBe(1);

    // The audit log has it all, and its export too.
    const audit = page.getByTestId("team-audit");
    await expect(audit.locator("[data-action='member.removed']")).toHaveCount(1);
    await expect(audit.locator("[data-action='member.joined']")).toHaveCount(2);
    await expect(audit.locator("[data-action='invite.sent']")).toHaveCount(2);
    const csvHref = await page.getByTestId("audit-export-csv").getAttribute("href");
    const csv = await (await page.request.get(csvHref ?? "")).text();
    expect(csv.split("\r\n")[0]).toBe("id,at,actor_email,action,target,before,after");
    expect(csv).toContain(`member.removed,${existing}`);

    // The removed member's dashboard falls back to their own workspace and says why.
    await member.goto("/en/app/keys/");
    await expect(member.getByRole("alert").filter({ hasText: "no longer a member" })).toBeVisible({ timeout: 15_000 });
    await expect(member.getByTestId("workspace-current")).toHaveText("Personal");
  } finally {
    await memberContext.close();
    await newcomerContext.close();
    await upstream.close();
  }
});

// The Team page as owners and plain members see it, and the invite page, in each language and theme.
for (const locale of LOCALES) {
  test(`team pages /${locale}/…: render in both themes, fit 375px, no serious axe issues`, async ({ browser }) => {
    test.setTimeout(150_000);
    for (const theme of THEMES) {
      const ownerContext = await browser.newContext();
      const memberContext = await browser.newContext();
      const page = await ownerContext.newPage();
      const member = await memberContext.newPage();
      const owner = uniqueEmail(`team-${locale}`);
      const invitee = uniqueEmail(`member-${locale}`);
      await signUpViaApi(page, owner, locale);
      setPlan(owner, "team");
      await signUpViaApi(member, invitee, locale);
      const created = await gqlViaApi(page, 'mutation{createTeam(name:"Warung Data"){id}}');
      expect(created.errors ?? null).toBeNull();
      const teamId = (created.data?.createTeam as { id: string }).id;
      await pickTheme(page, theme);
      await page.addInitScript((id) => localStorage.setItem("satu.workspace", id), teamId);
      await page.goto(`/${locale}/app/team/`);
      await invite(page, invitee);
      await invite(page, uniqueEmail(`pending-${locale}`));
      const [link] = await waitForEmail(invitee, INVITE_LINK);

      // The invite page, as the signed-in invitee sees it.
      await pickTheme(member, theme);
      await member.goto(link);
      const join = member.getByTestId("invite-join");
      await hydrated(join);
      await checkAndShoot(member, `team-invite-${locale}-${theme}`);
      await join.click();
      await expect(member.getByTestId("team-members")).toBeVisible({ timeout: 15_000 });
      await expect(member.locator("[role=status][aria-label]")).toHaveCount(0, { timeout: 15_000 });
      await checkAndShoot(member, `team-member-${locale}-${theme}`);

      // The owner's page: members, open invites, budget and Slack, audit log; then a dialog.
      await page.reload();
      await expect(page.getByTestId("member-row")).toHaveCount(2);
      await expect(page.getByTestId("team-audit")).toBeVisible();
      await page.getByTestId("team-budget").fill("25");
      await expect(page.getByTestId("team-budget")).toHaveAccessibleDescription(/Rp/);
      await page.getByTestId("team-budget-save").click();
      await expect(page.getByTestId("team-cost")).toContainText("25");
      await checkAndShoot(page, `team-owner-${locale}-${theme}`);
      const actions = page.locator(`[data-testid=member-row][data-email="${invitee}"]`).getByTestId("member-actions");
      await actions.click();
      await page.getByTestId("member-limits").click();
      await page.getByTestId("limit-budget").fill("5");
      await checkAndShoot(page, `team-limits-dialog-${locale}-${theme}`, { fullPage: false });
      await page.getByTestId("limits-save").click();
      await expect(page.locator(`[data-testid=member-row][data-email="${invitee}"]`)).toContainText("5");
      await ownerContext.close();
      await memberContext.close();
    }
  });
}
