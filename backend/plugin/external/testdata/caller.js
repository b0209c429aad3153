// A test plugin (not an example): calls an existing flow action, once
// valid and once with a config the action refuses, and registers an action
// whose invokes it never answers, and a trigger. It prints every frame it gets.
'use strict';
const { WSClient } = require('./ws.js');

const ws = new WSClient(process.env.LTTH_WS_URL, { Authorization: `Bearer ${process.env.LTTH_PLUGIN_TOKEN}` });
const send = (f) => ws.send(JSON.stringify(f));
ws.on('open', () => {
  send({ type: 'hello', id: 'h' });
  send({ type: 'call', id: 'c1', action: 'test.mark', config: { text: 'from the plugin' } });
  send({ type: 'call', id: 'c2', action: 'test.mark', config: { nope: 1 } });
  send({ type: 'call', id: 'c3', action: 'no.such' });
  send({ type: 'publish', id: 'p1', event: 'bad:name' });
  send({
    type: 'register', id: 'r1',
    actions: [{ name: 'hang', label: 'Never answers' }],
    triggers: [{ name: 'ping', label: 'Ping', fields: [{ name: 'who', label: 'Who', kind: 'text' }] }],
  });
});
ws.on('message', (text) => console.log(`frame ${text}`));
ws.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
