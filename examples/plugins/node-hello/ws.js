// A minimal websocket client (RFC 6455) for Node 20, which has no built-in
// client without a flag: the opening handshake over node:net, masked text
// frames out, text/ping/close frames in. Enough for LTTH's plugin socket
// on localhost (ws:// only).
'use strict';
const net = require('node:net');
const crypto = require('node:crypto');
const { EventEmitter } = require('node:events');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

class WSClient extends EventEmitter {
  constructor(url, headers = {}) {
    super();
    const u = new URL(url);
    if (u.protocol !== 'ws:') throw new Error('only ws:// URLs are supported');
    this.key = crypto.randomBytes(16).toString('base64');
    this.buf = Buffer.alloc(0);
    this.open = false;
    this.parts = [];
    this.sock = net.connect(Number(u.port || 80), u.hostname, () => {
      const lines = [`GET ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'Upgrade: websocket',
        'Connection: Upgrade', `Sec-WebSocket-Key: ${this.key}`, 'Sec-WebSocket-Version: 13'];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      this.sock.write(lines.join('\r\n') + '\r\n\r\n');
    });
    this.sock.on('data', (d) => this.onData(d));
    this.sock.on('error', (e) => this.emit('error', e));
    this.sock.on('close', () => this.emit('close'));
  }

  onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    if (!this.open) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buf.subarray(0, end).toString();
      this.buf = this.buf.subarray(end + 4);
      const accept = crypto.createHash('sha1').update(this.key + GUID).digest('base64');
      if (!/^HTTP\/1\.1 101/.test(head) || !head.toLowerCase().includes(accept.toLowerCase())) {
        this.emit('error', new Error('handshake refused: ' + head.split('\r\n')[0]));
        this.sock.destroy();
        return;
      }
      this.open = true;
      this.emit('open');
    }
    this.readFrames();
  }

  readFrames() {
    for (;;) {
      if (this.buf.length < 2) return;
      const fin = (this.buf[0] & 0x80) !== 0;
      const op = this.buf[0] & 0x0f;
      let len = this.buf[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        off = 10;
      }
      if (this.buf.length < off + len) return;
      const payload = this.buf.subarray(off, off + len);
      this.buf = this.buf.subarray(off + len);
      if (op === 0x8) { this.frame(0x8, Buffer.alloc(0)); this.sock.end(); return; }
      if (op === 0x9) { this.frame(0xa, payload); continue; }
      if (op === 0x1 || op === 0x0) {
        this.parts.push(payload);
        if (fin) { this.emit('message', Buffer.concat(this.parts).toString('utf8')); this.parts = []; }
      }
    }
  }

  frame(op, payload) {
    const mask = crypto.randomBytes(4);
    let head;
    if (payload.length < 126) {
      head = Buffer.from([0x80 | op, 0x80 | payload.length]);
    } else if (payload.length < 65536) {
      head = Buffer.alloc(4); head[0] = 0x80 | op; head[1] = 0x80 | 126; head.writeUInt16BE(payload.length, 2);
    } else {
      head = Buffer.alloc(10); head[0] = 0x80 | op; head[1] = 0x80 | 127; head.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
    this.sock.write(Buffer.concat([head, mask, body]));
  }

  send(text) { this.frame(0x1, Buffer.from(text, 'utf8')); }

  close() { this.frame(0x8, Buffer.alloc(0)); this.sock.end(); }
}

module.exports = { WSClient };
