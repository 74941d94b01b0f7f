import { defineContentScript } from 'wxt/utils/define-content-script';
import { Lifetime } from '../components/page/lifetime';
import { startBaton } from '../components/page/baton-page';
import { salesforce, SALESFORCE_MATCHES } from '../lib/hosts/salesforce';

// Record pages: the stage guard, at document_start, before the host's own scripts run.
export default defineContentScript({
  matches: SALESFORCE_MATCHES,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startBaton(new Lifetime('record'), salesforce),
});
