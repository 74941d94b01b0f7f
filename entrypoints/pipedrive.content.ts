import { defineContentScript } from 'wxt/utils/define-content-script';
import { pipedrive, PIPEDRIVE_MATCHES } from '../lib/hosts/pipedrive';
import { startBaton } from '../components/page/baton-page';
import { guardHtml5Drags } from '../components/page/board/html5-guard';

// One content script per host app: each page carries only its own adapter and drag guard.
export default defineContentScript({
  matches: PIPEDRIVE_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startBaton(ctx, pipedrive, guardHtml5Drags),
});
