import { HUBSPOT, launch } from '../test/e2e/harness';
const s = await launch([HUBSPOT]);
const agg = new Map<string, number>();
let total = 0;
for (let run = 0; run < 6; run++) {
const page = await s.context.newPage();
const cdp = await s.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
await cdp.send('Profiler.start');
await page.goto('https://app.hubspot.com/contacts/4455/record/0-3/' + (7000 + run), { waitUntil: 'domcontentloaded' });
const { profile } = await cdp.send('Profiler.stop');
if (run === 0) { await page.close(); continue; }
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = profile.timeDeltas!;
profile.samples!.forEach((id: number, i: number) => {
  let n: any = byId.get(id); let ours = false; const chain: string[] = [];
  while (n) { if (n.callFrame.url.includes('content-scripts')) { ours = true; chain.push(n.callFrame.functionName + '@' + n.callFrame.lineNumber + ':' + n.callFrame.columnNumber); } n = byId.get(parent.get(n.id)!); }
  if (!ours) return;
  // Attribute to the second-from-root frame of ours (the top-level module init children)
  const key = chain.slice(-6).reverse().join(' > ') + ' | self ' + (byId.get(id) as any).callFrame.functionName;
  const v = (dt[i] ?? 0) / 1000 / 5;
  total += v;
  agg.set(key, (agg.get(key) ?? 0) + v);
});
await page.close();
}
console.log('total', total.toFixed(2));
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(2), k);
await s.dispose();
