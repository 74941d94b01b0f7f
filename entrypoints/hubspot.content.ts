import { defineContentScript } from 'wxt/utils/define-content-script';
import { hubspot, HUBSPOT_MATCHES } from '../lib/hosts/hubspot';
import { startBaton } from '../components/page/baton-page';

export default defineContentScript({
  matches: HUBSPOT_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startBaton(ctx, hubspot),
});
