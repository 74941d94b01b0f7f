import { defineContentScript } from 'wxt/utils/define-content-script';
import { Lifetime } from '../components/page/lifetime';
import { startBaton } from '../components/page/baton-page';
import { hubspot, HUBSPOT_MATCHES } from '../lib/hosts/hubspot';

// Record pages: the stage guard, at document_start, before the host's own scripts run.
export default defineContentScript({
  matches: HUBSPOT_MATCHES,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startBaton(new Lifetime('record'), hubspot),
});
