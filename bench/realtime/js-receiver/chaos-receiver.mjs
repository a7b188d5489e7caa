// centrifuge-js as the second subscriber of the chaos tests (tests/chaos, docs/reliability.md):
// subscribes to one channel and prints what happens as JSON lines, the same events
// `whatrack-inbox-cli listen` prints, so the tests read both with one parser:
//   {"event":"subscribed","wasRecovering":true,"recovered":true}
//   {"event":"publication","data":{...}}
//   {"event":"connecting","code":N,"reason":"..."}  {"event":"connected"}
// Usage: node chaos-receiver.mjs --url ws://... --channel chaos:seq [--max-ping-delay MS]
// The token comes in CHAOS_TOKEN (never on the command line). The SDK and `ws` are loaded from
// CENTRIFUGE_JS_MODULES (a directory with node_modules, installed by
// bench/realtime/js-receiver/install), so this file runs from the source tree. Ends when stdin
// closes or on SIGTERM.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    channel: { type: 'string' },
    'max-ping-delay': { type: 'string' },
  },
});
const modules = process.env.CENTRIFUGE_JS_MODULES;
if (!args.url || !args.channel || !modules) {
  console.error('usage: CENTRIFUGE_JS_MODULES=DIR CHAOS_TOKEN=... node chaos-receiver.mjs --url URL --channel CH');
  process.exit(2);
}
const require = createRequire(join(modules, 'package.json'));
const { Centrifuge } = require('centrifuge');
const WebSocket = require('ws');

const emit = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

const options = { websocket: WebSocket, token: process.env.CHAOS_TOKEN };
if (args['max-ping-delay']) options.maxServerPingDelay = Number(args['max-ping-delay']);
const client = new Centrifuge(args.url, options);
client.on('connecting', (ctx) => emit({ event: 'connecting', code: ctx.code, reason: ctx.reason }));
client.on('connected', () => emit({ event: 'connected' }));
client.on('disconnected', (ctx) => emit({ event: 'disconnected', code: ctx.code, reason: ctx.reason }));
client.on('error', (ctx) => emit({ event: 'error', message: String(ctx.error?.message ?? ctx.type) }));

const sub = client.newSubscription(args.channel, { recoverable: true });
sub.on('subscribed', (ctx) =>
  emit({ event: 'subscribed', wasRecovering: ctx.wasRecovering, recovered: ctx.recovered }));
sub.on('subscribing', (ctx) => emit({ event: 'subscribing', code: ctx.code, reason: ctx.reason }));
sub.on('publication', (ctx) => emit({ event: 'publication', data: ctx.data }));
sub.subscribe();
client.connect();

const stop = () => {
  client.disconnect();
  process.exit(0);
};
process.stdin.on('data', () => {});
process.stdin.on('end', stop);
process.on('SIGTERM', stop);
