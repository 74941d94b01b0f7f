import { defineContentScript } from 'wxt/utils/define-content-script';
import { Lifetime } from '../components/page/lifetime';
import { startBaton } from '../components/page/baton-page';
import { clickup, CLICKUP_MATCHES } from '../lib/hosts/clickup';

// Record pages: the stage guard, at document_start, before the host's own scripts run.
export default defineContentScript({
  matches: CLICKUP_MATCHES,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startBaton(new Lifetime('record'), clickup),
});
