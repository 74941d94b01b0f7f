import { defineContentScript } from 'wxt/utils/define-content-script';
import { pipedrive, PIPEDRIVE_MATCHES } from '../lib/hosts/pipedrive';
import { startBaton } from '../components/page/baton-page';

// One content script per host app: each page carries only its own adapter.
export default defineContentScript({
  matches: PIPEDRIVE_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startBaton(ctx, pipedrive),
});
