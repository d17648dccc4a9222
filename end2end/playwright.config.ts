import { defineConfig, devices } from '@playwright/test';

// Browser tests for Stoa. Run from this folder:
//
//   STOA_BIN=/path/to/target/debug/stoa npx playwright test
//
// The `webServer` below starts `stoa serve --demo` on 127.0.0.1:3100 with a fresh data folder
// (serve.sh). The browser is Debian's Chromium (/usr/bin/chromium): Playwright's own browser
// downloads are not used. Override with CHROMIUM=/path/to/chromium.
//
// To iterate on the tests against a server you started yourself, set STOA_E2E_URL (e.g.
// http://127.0.0.1:3199): no server is started then. It must serve a fresh `--demo` data folder.

const external = process.env.STOA_E2E_URL;
const baseURL = external || 'http://127.0.0.1:3100';

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

// A phone about the size of a current mid-range handset, with Chrome for Android's user agent.
// (Playwright's iPhone presets need WebKit, which is not installed.)
const phone = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/140.0.0.0 Mobile Safari/537.36',
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  // Debug builds render slowly; be generous.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  use: {
    baseURL,
    // Staff pages take their language from Accept-Language: pin it.
    locale: 'en-GB',
    timezoneId: 'Europe/Athens',
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...chromium,
  },
  projects: [
    {
      name: 'desktop-js',
      use: { ...devices['Desktop Chrome'], ...chromium, viewport: { width: 1280, height: 900 } },
    },
    {
      name: 'phone-js',
      grep: /@phone/,
      use: { ...chromium, ...phone },
    },
    {
      name: 'no-js',
      grep: /@nojs/,
      use: {
        ...devices['Desktop Chrome'],
        ...chromium,
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: false,
      },
    },
  ],
  webServer: external ? undefined : {
    command: 'bash serve.sh',
    url: 'http://127.0.0.1:3100/healthz',
    // Loading the demo shop takes ~30 s in a debug build; migrations and image rendering on a
    // busy two-core machine can take longer.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // Let serve.sh stop the server and remove its data folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
