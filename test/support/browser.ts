import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (package `chromium`); the tests never download a browser. */
export const CHROMIUM = process.env.CASECLOCK_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

/**
 * Chromium as this machine kind runs it (/work/.library/env/machines/node.md): headless, no sandbox (root), no
 * GPU, and no background networking, component updates or sync, whose connections a closed network refuses.
 * Playwright's launch() gives every browser a fresh temporary profile (user-data-dir) and removes it on close.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Says loudly that the browser tests were skipped (not a silent pass) and how to run them. */
export function announceSkip(what: string): void {
  if (hasChromium) return;
  const line = `SKIPPED ${what}: ${CHROMIUM} not found. Install it with: apt-get install -y chromium (.ci/run does).`;
  process.stderr.write(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n\n`);
}
