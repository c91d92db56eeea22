import { expect, test, type Locator } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DOCUMENT_KEY, expectNoAxeViolations, seedStorage, user } from "./helpers";

test.describe("with a Korean browser", () => {
  test.use({ locale: "ko-KR" });

  test("the app speaks Korean, using Partner Hub's own terms", async ({ page }) => {
    await page.goto("/templates");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page).toHaveTitle("온보딩 템플릿 · Wholesale Partner Hub");
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
    const link = page.getByRole("region", { name: "Partner Hub 프로비저닝 ID" });
    await expect(link).toContainText("Partner Hub에 연결되지 않았습니다.");
    await link.getByLabel("Partner Hub 프로비저닝 ID").fill("f5b36187-c8dd-4727-8b2f-f9c447f29046");
    await link.getByRole("button", { name: "Partner Hub에 연결" }).click();
    await expect(link.locator(".field-error")).toContainText("이 앱의 자체 ID로 보입니다.");
    await expectNoAxeViolations(page);
    await link.getByLabel("Partner Hub 프로비저닝 ID").fill("N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx");
    await link.getByRole("button", { name: "Partner Hub에 연결" }).click();
    await expect(link).toContainText("Partner Hub에 연결됨");
    await expect(link.getByRole("button", { name: "복사" })).toBeVisible();

    await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "고객" }).click();
    await page.getByRole("main").getByRole("link", { name: "고객 만들기" }).first().click();
    await expect(page.getByRole("heading", { name: "고객 정보", level: 2 })).toBeVisible();
    await page.getByLabel("회사 이름").fill("한빛 치과");
    await page.getByLabel("관리자 이메일").fill("admin@hanbit.example");
    await page.getByRole("button", { name: "다음" }).click();
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByRole("alert")).toContainText("패키지를 하나 이상 선택하십시오.");
    await page.getByRole("checkbox", { name: "Webex Suite" }).check();
    await page.getByRole("button", { name: "다음" }).click();
    await page.getByLabel("위치 이름").fill("서울 본사");
    await page.getByLabel("주소 1").fill("세종대로 110");
    await page.getByLabel("시/군/구").fill("서울");
    await page.getByLabel("국가", { exact: true }).selectOption({ label: "대한민국" });
    await page.getByLabel("우편번호").fill("04524");
    await page.getByRole("checkbox", { name: "이 고객은 Cisco Webex 지원 위치에 있습니다" }).check();
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByRole("region", { name: "본사 위치" })).toContainText("아시아 태평양");
    await page.getByRole("button", { name: "고객 만들기" }).click();
    await expect(page.getByRole("heading", { name: "한빛 치과", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "고객 구성" }).click();
    await expect(page.getByRole("button", { name: "위치 추가" })).toBeVisible();
    await page.getByRole("button", { name: "다음" }).click();
    const admin = user(page, 1, "사용자");
    await expect(admin).toContainText("고객 관리자");
    await admin.getByLabel("이름", { exact: true }).fill("지은");
    await admin.getByLabel("성", { exact: true }).fill("김");
    await page.getByRole("button", { name: "다음" }).click();
    await admin.getByLabel("전화 번호").fill("+1 212 555 0100");
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByRole("alert")).toContainText("대한민국 위치의 번호는 +82(으)로 시작합니다.");
    await admin.getByLabel("전화 번호").fill("+82 2 1234 5678");
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByRole("region", { name: "서울 본사의 사용자" })).toContainText("전체 관리자");
    await page.getByRole("button", { name: "사용자 만들기" }).click();
    await expect(page.getByText("한빛 치과에 사용자 1명을 만들었습니다.")).toBeVisible();
    await expect(page.getByText("구성됨", { exact: true })).toBeVisible();
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

test.describe("Korean that reads right", () => {
  test.use({ locale: "ko-KR" });

  test("words are never broken inside, and Korean names read family name first", async ({ page }) => {
    await seedStorage(page, { [DOCUMENT_KEY]: readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8") });
    await page.goto("/customers");
    const keepAll = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).wordBreak);
    expect(await keepAll(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "고객" }))).toBe("keep-all");
    expect(await keepAll(page.getByRole("cell").first())).toBe("keep-all");
    expect(await keepAll(page.getByRole("columnheader").first())).toBe("keep-all");
    // And no Korean word in the table is actually drawn across two lines, even where the
    // table is squeezed.
    await page.setViewportSize({ width: 900, height: 720 });
    const broken = await page.getByRole("table").evaluate((table) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent!.matchAll(/\S*[\uAC00-\uD7A3]\S*/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) found.push(m[0]);
        }
      }
      return found;
    });
    expect(broken).toEqual([]);
    await page.getByRole("link", { name: "Acme Dental" }).click();
    await expect(page.getByRole("region", { name: "사용자" }).getByRole("rowheader")).toHaveText(["Ada Admin", "김민준", "Grace Hopper"]);
  });

  test("terms read naturally: product names stay as Cisco writes them, customers are counted as companies", async ({ page }) => {
    await seedStorage(page, { [DOCUMENT_KEY]: readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8") });
    await page.goto("/templates/01000000-0000-4000-8000-000000000000");
    await expect(page).toHaveTitle("Gold · Wholesale Partner Hub");
    await expect(page.getByText("이 템플릿으로 만든 고객사: 2곳")).toBeVisible();
    await page.getByRole("button", { name: "삭제" }).click();
    await expect(page.getByText("이 템플릿으로 만든 고객사가 2곳 있어 삭제할 수 없습니다.", { exact: false })).toBeVisible();
    await page.goto("/templates/new");
    await expect(page.getByRole("list", { name: "진행 상황" }).getByRole("listitem").first()).toContainText("상품");
    await expect(page.getByRole("radiogroup", { name: "상품" }).or(page.getByRole("group", { name: "상품" }))).toBeVisible();
  });

  test("address labels follow the address's country; a new template mails in Korean until a country says otherwise", async ({ page }) => {
    await page.goto("/templates/new");
    await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
    await page.getByRole("button", { name: "다음" }).click();
    await expect(page.getByLabel("기본 이메일 언어")).toHaveValue("ko_KR");
    await page.getByLabel("국가 또는 지역").selectOption({ label: "영국" });
    await expect(page.getByLabel("기본 이메일 언어")).toHaveValue("en_GB");

    await page.getByLabel("템플릿 이름").fill("런던");
    await page.getByLabel("서비스 제공자 관리자").selectOption({ index: 1 });
    await page.getByLabel("Wholesale 구독").selectOption({ index: 1 });
    for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "다음" }).click();
    await page.getByRole("button", { name: "제출" }).click();
    await page.getByRole("link", { name: "이 템플릿으로 고객 만들기" }).click();
    await page.getByLabel("회사 이름").fill("런던 치과");
    await page.getByLabel("관리자 이메일").fill("admin@london.example");
    await page.getByRole("button", { name: "다음" }).click();
    await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
    await page.getByRole("button", { name: "다음" }).click();
    // A UK address: no 시/군/구 here.
    await expect(page.getByLabel("도시")).toBeVisible();
    await expect(page.getByLabel("시/군/구")).toHaveCount(0);
    await page.getByLabel("국가", { exact: true }).selectOption({ label: "대한민국" });
    await expect(page.getByLabel("시/군/구")).toBeVisible();
  });
});

test("in English, a template for Korea mails in Korean by default", async ({ page }) => {
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByLabel("Default email language")).toHaveValue("en_US");
  await page.getByLabel("Country or region").selectOption({ label: "South Korea" });
  await expect(page.getByLabel("Default email language")).toHaveValue("ko_KR");
});

test("status badges read naturally in Korean and never wrap, on a phone too", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/customers");
  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByText("Demo data loaded: 3 templates, 30 customers.")).toBeVisible();
  await page.locator("#ui-language").selectOption("ko");
  const badges = page.locator("table .badge");
  await expect(badges.filter({ hasText: "일부 오류로 프로비저닝됨" }).first()).toBeVisible();
  // One line each: no taller than about one line of its own text.
  const tall = await badges.evaluateAll((all) =>
    all.filter((b) => b.getBoundingClientRect().height > 2.4 * parseFloat(getComputedStyle(b).fontSize)).map((b) => b.textContent),
  );
  expect(tall).toEqual([]);
});
