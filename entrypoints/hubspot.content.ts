import { defineContentScript } from 'wxt/utils/define-content-script';
import { hubspot, HUBSPOT_MATCHES } from '../lib/hosts/hubspot';
import { startBaton } from '../components/page/baton-page';
import { guardRbdDrags } from '../components/page/board/rbd-guard';

// One content script per host app: each page carries only its own adapter and drag guard.
export default defineContentScript({
  matches: HUBSPOT_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startBaton(ctx, hubspot, guardRbdDrags),
});
