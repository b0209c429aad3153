// Runs e2e scripts against the in-memory fake listener (no Go needed):
//   node tests/with-fake.mjs tests/dashboard.e2e.mjs tests/pages.e2e.mjs
// Builds nothing: run `npm run build` first. Screenshots go to LTTH_SHOT_DIR
// (default: the system temp dir).

import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: node tests/with-fake.mjs <e2e script>...')
  process.exit(2)
}
const token = 'fake-e2e-token'
const shotDir = process.env.LTTH_SHOT_DIR ?? tmpdir()

const fake = spawn(process.execPath, [join(here, 'fake-listener.mjs')], {
  env: { ...process.env, PORT: '0', LTTH_TOKEN: token },
  stdio: ['ignore', 'pipe', 'inherit'],
})

/** @type {string} */
const url = await new Promise((resolveUrl, reject) => {
  let buf = ''
  const timer = setTimeout(() => reject(new Error('fake listener did not start')), 10000)
  fake.stdout?.on('data', (d) => {
    buf += String(d)
    const m = /LISTEN (\S+)/.exec(buf)
    if (m?.[1]) {
      clearTimeout(timer)
      resolveUrl(m[1])
    }
  })
  fake.on('exit', (code) => reject(new Error(`fake listener exited (${code})`)))
})
console.log(`fake listener at ${url}`)

let rc = 0
for (const script of scripts) {
  const shot = join(shotDir, `${basename(script).replace(/\.e2e\.mjs$|\.mjs$/, '')}.png`)
  console.log(`\n# ${script}`)
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, LTTH_URL: url, LTTH_TOKEN: token, LTTH_SHOT: shot },
      stdio: 'inherit',
    })
    child.on('exit', (c) => done(c ?? 1))
  })
  if (code !== 0) rc = 1
}
fake.kill('SIGTERM')
process.exit(rc)
