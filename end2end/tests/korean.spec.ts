import { expect, test } from "@playwright/test";

test.describe("with a Korean browser", () => {
  test.use({ locale: "ko-KR" });

  test("the app speaks Korean, using Partner Hub's own terms", async ({ page }) => {
    await page.goto("/templates");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page).toHaveTitle("온보딩 템플릿 · Wholesale 파트너 허브");
    await page.getByRole("link", { name: "템플릿 만들기" }).click();
    await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
    await page.getByRole("button", { name: "다음" }).click();
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByRole("alert")).toContainText("템플릿 이름을 입력하십시오.");
    await page.getByLabel("템플릿 이름").fill("서울 중소기업");
    await page.getByLabel("국가 또는 지역").selectOption({ label: "대한민국" });
    await page.getByLabel("서비스 제공자 관리자").selectOption({ index: 1 });
    await page.getByLabel("Wholesale 구독").selectOption({ index: 1 });
    for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByRole("region", { name: "공통 설정" })).toContainText("브랜드 이름");
    await page.getByRole("button", { name: "제출" }).click();
    await expect(page.getByRole("heading", { name: "서울 중소기업", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "프로비저닝 ID" })).toBeVisible();
    await expect(page.getByRole("button", { name: "복사" })).toBeVisible();
  });
});

test("the language can be switched, and the choice is remembered", async ({ page }) => {
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.getByLabel("Display language").selectOption("ko");
  await expect(page.getByRole("heading", { name: "고객", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "템플릿" }).click();
  await expect(page.getByRole("heading", { name: "온보딩 템플릿", level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "온보딩 템플릿", level: 1 })).toBeVisible();
  await page.getByLabel("표시 언어").selectOption("en");
  await expect(page.getByRole("heading", { name: "Onboarding templates", level: 1 })).toBeVisible();
});
