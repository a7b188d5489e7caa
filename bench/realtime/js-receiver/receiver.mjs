// Benchmark receiver on centrifuge-js (Node, `ws` as the WebSocket): subscribes to one channel
// and records, per benchmark step, how many publications arrived and their delivery latency
// (publish time in the payload to the moment the SDK emits the publication). Same CLI and
// output as the other receivers (see bench/realtime/README.md).
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, channel: { type: 'string' }, out: { type: 'string' } },
});

// Histogram buckets shared by every receiver (keep in sync with go-receiver/stats.go).
const BUCKETS = 3791;
function bucketOf(us) {
  if (us < 0) return 0;
  if (us < 1000) return Math.floor(us);
  if (us < 10000) return 1000 + Math.floor((us - 1000) / 10);
  if (us < 100000) return 1900 + Math.floor((us - 10000) / 100);
  if (us < 10000000) return 2800 + Math.floor((us - 100000) / 10000);
  return BUCKETS - 1;
}

const steps = new Map();
let total = 0;
let disconnects = 0;
let malformed = 0;
// Wall clock with sub-millisecond resolution, comparable with the publisher's UnixNano.
const originNs = BigInt(Math.round(performance.timeOrigin * 1e6));
const nowNs = () => Number(originNs + BigInt(Math.round(performance.now() * 1e6)));

const client = new Centrifuge(args.url, { websocket: WebSocket, token: process.env.BENCH_TOKEN });
client.on('connecting', (ctx) => {
  if (ctx.code !== 0) { disconnects++; console.log(`ERR connecting ${ctx.code} ${ctx.reason}`); }
});
client.on('disconnected', (ctx) => { disconnects++; console.log(`ERR disconnected ${ctx.code} ${ctx.reason}`); });

const sub = client.newSubscription(args.channel);
sub.on('publication', (ctx) => {
  const now = nowNs();
  const d = ctx.data; // already parsed by the SDK (JSON.parse of the frame)
  if (typeof d?.t !== 'number' || typeof d?.s !== 'number') { malformed++; total++; return; }
  let st = steps.get(d.s);
  if (!st) { st = { count: 0, hist: new Uint32Array(BUCKETS) }; steps.set(d.s, st); }
  st.count++;
  // t is beyond 2^53 ns: a double keeps ~256 ns of precision, plenty for microsecond buckets.
  st.hist[bucketOf((now - d.t) / 1000)]++;
  total++;
});
sub.once('subscribed', () => console.log('READY'));
sub.subscribe();
client.connect();

const progress = setInterval(() => console.log(`P ${total}`), 100);
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  clearInterval(progress);
  const out = { name: 'centrifuge-js', steps: {}, malformed, disconnects };
  for (const [s, st] of steps) {
    const hist = [];
    st.hist.forEach((c, b) => { if (c) hist.push([b, c]); });
    out.steps[String(s)] = { count: st.count, hist };
  }
  writeFileSync(args.out, JSON.stringify(out));
  console.log('DONE');
  client.disconnect();
  process.exit(0);
});
