// The fake Webex API (../fake-webex.mjs) as the tests drive it: each test is its own
// partner there, and reads back what the app sent.
import { expect, test, type Page } from "@playwright/test";
import { navigateTo } from "./helpers";

export type FakeLog = {
  requests: { method: string; path: string; status: number }[];
  violations: string[];
  /** Requests that reached /__trap/<partner>/, where the token must never go. */
  trapped: { method: string; path: string; authorization: boolean }[];
  /** E-mails a consent e-mail was sent again to. */
  consents: string[];
};

/**
 * Provisioning IDs the fake's Partner Hub has issued (KNOWN_TEMPLATES in fake-webex.mjs):
 * base64 of 7e570000-5a1e-4b0b-9d00-00000000000<n>.
 */
export const PARTNER_HUB_IDS = ["N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx", "N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAy"];

/** The fake Webex API (fake-webex.mjs), started by Playwright beside the app. */
export const FAKE = "http://127.0.0.1:4175";

/** This test's own partner at the fake, so that tests in parallel do not meet. */
export function partnerOf(): string {
  return `p${test.info().testId.replace(/[^a-z0-9]/gi, "")}`;
}

export async function control(page: Page, action: string, body: unknown) {
  const res = await page.request.post(`${FAKE}/__control/${partnerOf()}/${action}`, { data: body });
  expect(res.ok()).toBe(true);
}

/** What the fake was asked: each request's method, path and status; and spec violations. */
export async function fakeLog(page: Page): Promise<FakeLog> {
  return (await page.request.get(`${FAKE}/__control/${partnerOf()}/log`)).json();
}

export function count(log: { requests: { method: string; path: string; status: number }[] }, method: string, path: RegExp, status?: number) {
  return log.requests.filter((r) => r.method === method && path.test(r.path) && (status === undefined || r.status === status)).length;
}

/** Settings → Webex connection: the Webex API at the fake, with `secret` as the token. */
export async function connectToFake(page: Page, secret = "one", remember = false) {
  await navigateTo(page, "Settings");
  const section = page.getByRole("region", { name: "Webex connection" });
  await section.getByRole("radio", { name: "Webex API" }).check();
  await section.getByLabel("API base URL").fill(FAKE);
  await section.getByLabel("API base URL").blur();
  await section.getByLabel("Access token").fill(`${partnerOf()}.${secret}`);
  if (remember) await section.getByRole("checkbox", { name: "Remember the token in this tab" }).check();
  return section;
}

export async function openCustomer(page: Page, company = "Acme Dental") {
  await navigateTo(page, "Customers");
  await page.getByRole("link", { name: company }).click();
  await expect(page.getByRole("heading", { name: company, level: 1 })).toBeVisible();
}

