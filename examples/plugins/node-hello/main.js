// node-hello: an example LTTH external plugin for Node 20 without npm
// packages (docs/plugin-sdk.md). It logs every gift and registers the flow
// action "node-hello.greet", which publishes the event "greeted" with the
// greeting (a flow can trigger on plugin node-hello, event greeted).
'use strict';
const { WSClient } = require('./ws.js');

const ws = new WSClient(process.env.LTTH_WS_URL, { Authorization: `Bearer ${process.env.LTTH_PLUGIN_TOKEN}` });
let next = 1;
const send = (frame) => ws.send(JSON.stringify({ id: String(next++), ...frame }));

ws.on('open', () => {
  send({ type: 'hello' });
  send({ type: 'subscribe', events: ['gift'] });
  send({
    type: 'register',
    actions: [{
      name: 'greet', label: 'Greet someone', description: 'Publishes node-hello:greeted',
      fields: [{ name: 'name', label: 'Name', kind: 'template', required: true }],
    }],
  });
});

ws.on('message', (text) => {
  const f = JSON.parse(text);
  switch (f.type) {
    case 'ready':
      console.log(`ready as ${f.plugin} with ${f.permissions.join(', ')}`);
      break;
    case 'event':
      console.log(`gift from ${f.data.uniqueId}: ${f.data.giftName} x${f.data.repeatCount}`);
      break;
    case 'invoke': {
      const greeting = `Hello, ${f.config.name}!`;
      console.log(`invoked ${f.action}: ${greeting}`);
      ws.send(JSON.stringify({ type: 'publish', event: 'greeted', data: { text: greeting } }));
      ws.send(JSON.stringify({ type: 'result', id: f.id, ok: true }));
      break;
    }
    case 'error':
      console.error(`LTTH refused frame ${f.id}: ${f.code}: ${f.error}`);
      break;
    default:
  }
});

ws.on('error', (e) => { console.error(`websocket: ${e.message}`); process.exit(1); });
ws.on('close', () => { console.log('connection closed'); process.exit(0); });
process.on('SIGTERM', () => { console.log('stopping'); ws.close(); setTimeout(() => process.exit(0), 200); });
