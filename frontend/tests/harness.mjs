// Shared set-up of the dashboard browser suites (*.e2e.mjs): the listener
// they drive (LTTH_URL, LTTH_TOKEN, optional LTTH_SHOT_DIR), the check
// that logs each passed assertion, and the Debian Chromium they run in.

import { chromium } from 'playwright-core'

export const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
export const token = process.env.LTTH_TOKEN ?? ''
export const shotDir = process.env.LTTH_SHOT_DIR ?? ''
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

/** @param {boolean} cond @param {string} msg */
export function check(cond, msg) {
  if (!cond) throw new Error(msg)
  console.log(`ok - ${msg}`)
}

/** Headless Chromium with the quiet flags every suite uses. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}
