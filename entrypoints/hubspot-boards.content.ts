import { defineContentScript } from 'wxt/utils/define-content-script';
import { Lifetime } from '../components/page/lifetime';
import { startBoards } from '../components/page/board/baton-boards';
import { guardRbdDrags } from '../components/page/board/rbd-guard';
import { hubspot, hubspotListing, HUBSPOT_MATCHES } from '../lib/hosts/hubspot';

// Boards and lists: badges and the drag guard. Not in the manifest: the worker injects it
// when the record script sees a board or list, so other pages never pay for it.
export default defineContentScript({
  matches: HUBSPOT_MATCHES,
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: () => startBoards(new Lifetime('boards'), { ...hubspot, listing: hubspotListing }, guardRbdDrags),
});
