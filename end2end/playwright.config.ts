import { defineConfig } from "@playwright/test";

// Runs against the release build in ../dist (built by `.ci/test`), served like a
// static host, in Debian's Chromium. Playwright never downloads a browser here.
const port = 4173;

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      // A stateful fake of the Webex API that checks every request against Cisco's spec.
      command: `node fake-webex.mjs ${port + 2}`,
      url: `http://127.0.0.1:${port + 2}/__control/ready/log`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node serve.mjs ../dist ${port}`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The build made with `--public-url /sub/`, hosted under /sub/.
      command: `node serve.mjs ../dist-sub ${port + 1} /sub/`,
      url: `http://127.0.0.1:${port + 1}/sub/index.html`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
