// A stand-in for the Go listener, for developing and testing the dashboard
// before (or without) the backend: implements the REST + /ws contract the
// dashboard uses, in memory, and serves frontend/dist under /dashboard/.
// It is NOT the product: the Go listener is the source of truth.
//
//   node tests/fake-listener.mjs            # port from PORT (default 3900; 0 = any free port)
//   FAKE_FLOOD=1000 node tests/fake-listener.mjs   # plus 1,000 chat events/s
//   FAKE_DROPS=1 ...                         # a subscriber that keeps dropping
//   FAKE_CONNECTOR=1 ...                     # /api/connection/* exist
// Prints "LISTEN http://127.0.0.1:PORT TOKEN <token>" when ready.

import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocketServer } from 'ws'

const here = fileURLToPath(new URL('.', import.meta.url))
const dist = resolve(here, '../dist')
const port = Number(process.env.PORT ?? 3900)
const token = process.env.LTTH_TOKEN ?? 'fake-token'
const started = Date.now()

/** @type {{state: string, source?: string, uniqueId?: string, roomId?: string, reason?: string}} */
let connection = { state: 'disconnected', reason: 'not started' }
let alertsPaused = false
/** @type {any[]} */
const journal = []
/** @type {Map<string, {data: Buffer, modifiedAt: string}>} */
const profiles = new Map([['default', { data: Buffer.from('SQLite format 3\0default'), modifiedAt: new Date().toISOString() }]])
let active = 'default'
const bus = [
  { name: 'journal', queued: 0, capacity: 4096, delivered: 0, dropped: 0 },
  { name: 'ws', queued: 0, capacity: 1024, delivered: 0, dropped: 0 },
]
if (process.env.FAKE_DROPS) bus.push({ name: 'overlay-slow', queued: 256, capacity: 256, delivered: 0, dropped: 0 })

const EVENT_FIELDS = new Set(
  ('type id ts userId uniqueId nickname avatarUrl isModerator isSubscriber isFollower source simulated comment giftId giftName ' +
    'diamondCount repeatCount coins streakable giftPictureUrl likeCount totalLikeCount subMonth viewerCount emoteId emoteUrl question roomId reason').split(' '),
)

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(body === undefined ? '' : JSON.stringify(body))
}

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  const chunks = []
  for await (const c of req) chunks.push(c)
  return Buffer.concat(chunks)
}

/** @param {import('node:http').IncomingMessage} req */
function authorized(req) {
  return req.headers.authorization === `Bearer ${token}`
}

/** @param {string} name */
function validName(name) {
  return typeof name === 'string' && name.trim() !== '' && name.length <= 64 && !/[/\\]/.test(name)
}

/** @param {string} type @param {unknown} data */
function broadcast(type, data) {
  const msg = JSON.stringify({ type, ts: Date.now(), data })
  for (const c of wss.clients) if (c.readyState === 1) c.send(msg)
  bus[1].delivered += wss.clients.size
}

/** @param {any} e */
function publishEvent(e) {
  journal.push(e)
  if (journal.length > 5000) journal.splice(0, journal.length - 5000)
  bus[0].delivered++
  broadcast(e.type, e)
  if (e.type === 'connected') setConnection({ state: 'connected', source: e.source, uniqueId: e.uniqueId, roomId: e.roomId })
  if (e.type === 'disconnected') setConnection({ state: 'disconnected', source: e.source, uniqueId: e.uniqueId, reason: e.reason })
}

/** @param {typeof connection} c */
function setConnection(c) {
  connection = c
  broadcast('connection', c)
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url */
async function api(req, res, url) {
  const p = url.pathname
  const m = req.method ?? 'GET'
  if (m !== 'GET' && !authorized(req)) return json(res, 401, { error: 'missing or invalid API token' })

  if (p === '/api/health' && m === 'GET') {
    return json(res, 200, { status: 'ok', version: '0.0.0-fake', uptimeMs: Date.now() - started, connection, bus, profile: active, overlayUrl: `http://${req.headers.host}/overlay.html` })
  }
  if (p === '/api/simulate' && m === 'POST') {
    let e
    try {
      e = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      return json(res, 400, { error: 'invalid JSON' })
    }
    if (!e || typeof e.type !== 'string') return json(res, 400, { error: 'missing type' })
    // strict, like domain.DecodeEventStrict: unknown fields are a 400
    const unknown = Object.keys(e).filter((k) => !EVENT_FIELDS.has(k))
    if (unknown.length) return json(res, 400, { error: `invalid event JSON: json: unknown field "${unknown[0]}"` })
    const published = { ...e, source: 'simulator', simulated: true }
    publishEvent(published)
    return json(res, 202, published)
  }
  if (p === '/api/events/recent' && m === 'GET') {
    const limit = Math.min(5000, Number(url.searchParams.get('limit') ?? 100) || 100)
    return json(res, 200, journal.slice(-limit).reverse())
  }
  if (p === '/api/alerts/pause' && m === 'POST') {
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}')
    alertsPaused = Boolean(body.paused)
    broadcast('alertsPaused', { paused: alertsPaused })
    return json(res, 200, { paused: alertsPaused })
  }
  if (p.startsWith('/api/connection/')) {
    if (!process.env.FAKE_CONNECTOR) return json(res, 404, { error: 'not found' })
    if (p === '/api/connection/connect') {
      const { target } = JSON.parse((await readBody(req)).toString('utf8') || '{}')
      setConnection({ state: 'connecting', uniqueId: String(target ?? '').replace(/^@/, ''), source: 'fake' })
      setTimeout(() => setConnection({ ...connection, state: 'connected', roomId: '7300000000000000001' }), 300)
      return json(res, 202, {})
    }
    setConnection({ state: 'disconnected', reason: 'user request' })
    return json(res, 200, {})
  }
  if (p === '/api/profiles' && m === 'GET') {
    return json(
      res,
      200,
      [...profiles].map(([name, v]) => ({ name, active: name === active, sizeBytes: v.data.length * 4096, modifiedAt: v.modifiedAt })),
    )
  }
  if (p === '/api/profiles' && m === 'POST') {
    const { name } = JSON.parse((await readBody(req)).toString('utf8') || '{}')
    if (!validName(name)) return json(res, 400, { error: 'invalid profile name' })
    if (profiles.has(name)) return json(res, 409, { error: `profile "${name}" already exists` })
    profiles.set(name, { data: Buffer.from(`SQLite format 3\0${name}`), modifiedAt: new Date().toISOString() })
    return json(res, 201, {})
  }
  if (p === '/api/profiles/import' && m === 'POST') {
    const name = url.searchParams.get('name') ?? ''
    if (!validName(name)) return json(res, 400, { error: 'invalid profile name' })
    if (profiles.has(name)) return json(res, 409, { error: `profile "${name}" already exists` })
    const data = await readBody(req)
    if (!data.subarray(0, 15).equals(Buffer.from('SQLite format 3'))) return json(res, 400, { error: 'not an LTTH profile (SQLite) file' })
    profiles.set(name, { data, modifiedAt: new Date().toISOString() })
    return json(res, 201, {})
  }
  const pm = /^\/api\/profiles\/([^/]+)(?:\/(rename|duplicate|activate|export))?$/.exec(p)
  if (pm) {
    const name = decodeURIComponent(pm[1] ?? '')
    const action = pm[2]
    const prof = profiles.get(name)
    if (!prof) return json(res, 404, { error: `no profile "${name}"` })
    if (!action && m === 'DELETE') {
      if (name === active) return json(res, 409, { error: 'cannot delete the active profile' })
      profiles.delete(name)
      return json(res, 204, undefined)
    }
    if (action === 'export' && m === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${name}.db"` })
      return res.end(prof.data)
    }
    if (action === 'activate' && m === 'POST') {
      active = name
      return json(res, 200, {})
    }
    if ((action === 'rename' || action === 'duplicate') && m === 'POST') {
      const { newName } = JSON.parse((await readBody(req)).toString('utf8') || '{}')
      if (!validName(newName)) return json(res, 400, { error: 'invalid profile name' })
      if (profiles.has(newName)) return json(res, 409, { error: `profile "${newName}" already exists` })
      profiles.set(newName, { data: Buffer.from(prof.data), modifiedAt: new Date().toISOString() })
      if (action === 'rename') {
        profiles.delete(name)
        if (active === name) active = newName
      }
      return json(res, 200, {})
    }
  }
  return json(res, 404, { error: 'not found' })
}

/** @param {import('node:http').ServerResponse} res @param {string} rel */
async function serveDist(res, rel) {
  const file = normalize(join(dist, rel || 'index.html'))
  if (!file.startsWith(dist)) return json(res, 403, { error: 'forbidden' })
  try {
    const st = await stat(file)
    const target = st.isDirectory() ? join(file, 'index.html') : file
    const body = await readFile(target)
    res.writeHead(200, { 'Content-Type': MIME[/** @type {keyof typeof MIME} */ (extname(target))] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    json(res, 404, { error: 'not found (did you run npm run build?)' })
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname.startsWith('/api/')) {
    api(req, res, url).catch((err) => json(res, 500, { error: String(err) }))
    return
  }
  if (url.pathname === '/dashboard') {
    res.writeHead(301, { Location: '/dashboard/' })
    return res.end()
  }
  if (url.pathname.startsWith('/dashboard/')) return void serveDist(res, url.pathname.slice('/dashboard/'.length))
  if (url.pathname === '/overlay.html') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    return res.end('<!doctype html><title>overlay</title><body style="background:transparent"></body>')
  }
  json(res, 404, { error: 'not found' })
})

const wss = new WebSocketServer({ server, path: '/ws' })
wss.on('connection', (ws) => {
  ws.send(
    JSON.stringify({
      type: 'snapshot',
      ts: Date.now(),
      data: [
        { type: 'connection', ts: Date.now(), data: connection },
        { type: 'alertsPaused', ts: Date.now(), data: { paused: alertsPaused } },
      ],
    }),
  )
})

const flood = Number(process.env.FAKE_FLOOD ?? 0)
if (flood > 0) {
  let n = 0
  const words = ['hello', 'lol', 'what game is this', 'GG', 'hi from Berlin', '<b>not bold</b>', 'first time here!', '🔥🔥🔥']
  setInterval(() => {
    const batch = []
    const count = Math.max(1, Math.round(flood / 20))
    for (let i = 0; i < count; i++) {
      n++
      const e = {
        type: 'chat', id: (7000000000000000000n + BigInt(n)).toString(), ts: Date.now(), userId: (1000000000000000000n + BigInt(n % 500)).toString(), uniqueId: `viewer_${n % 500}`,
        nickname: `Viewer ${n % 500}`, avatarUrl: '', isModerator: false, isSubscriber: n % 7 === 0, isFollower: n % 3 === 0,
        comment: `${words[n % words.length]} #${n}`,
      }
      journal.push(e)
      batch.push({ type: 'chat', ts: e.ts, data: e })
    }
    if (journal.length > 5000) journal.splice(0, journal.length - 5000)
    const msg = JSON.stringify(batch)
    for (const c of wss.clients) if (c.readyState === 1) c.send(msg)
    bus[0].delivered += count
    bus[1].delivered += count * wss.clients.size
    if (bus[2]) bus[2].dropped += count
  }, 50)
}

server.listen(port, '127.0.0.1', () => {
  const addr = server.address()
  const actual = typeof addr === 'object' && addr ? addr.port : port
  console.log(`LISTEN http://127.0.0.1:${actual} TOKEN ${token}`)
})
