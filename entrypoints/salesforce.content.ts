import { defineContentScript } from 'wxt/utils/define-content-script';
import { salesforce, SALESFORCE_MATCHES } from '../lib/hosts/salesforce';
import { startBaton } from '../components/page/baton-page';
import { guardHtml5Drags } from '../components/page/board/html5-guard';

// One content script per host app: each page carries only its own adapter and drag guard.
export default defineContentScript({
  matches: SALESFORCE_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startBaton(ctx, salesforce, guardHtml5Drags),
});
