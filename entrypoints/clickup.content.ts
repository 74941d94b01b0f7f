import { defineContentScript } from 'wxt/utils/define-content-script';
import { clickup, CLICKUP_MATCHES } from '../lib/hosts/clickup';
import { startBaton } from '../components/page/baton-page';
import { guardPointerDrags } from '../components/page/board/pointer-guard';

// One content script per host app: each page carries only its own adapter and drag guard.
export default defineContentScript({
  matches: CLICKUP_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startBaton(ctx, clickup, guardPointerDrags),
});
