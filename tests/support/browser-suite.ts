// Registers the hooks a browser test file needs: dist/ served on a free port, and Chromium.
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveDist } from './server.ts';

export function browserSuite() {
  const env = {} as { browser: Browser; origin: string };
  let site: Awaited<ReturnType<typeof serveDist>> | undefined;
  before(async () => {
    site = await serveDist();
    env.origin = site.origin;
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await site?.close();
  });
  return env;
}
