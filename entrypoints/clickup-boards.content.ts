import { defineContentScript } from 'wxt/utils/define-content-script';
import { Lifetime } from '../components/page/lifetime';
import { startBoards } from '../components/page/board/baton-boards';
import { guardPointerDrags } from '../components/page/board/pointer-guard';
import { clickup, clickupListing, CLICKUP_MATCHES } from '../lib/hosts/clickup';

// Boards and lists: badges and the drag guard. Not in the manifest: the worker injects it
// when the record script sees a board or list, so other pages never pay for it.
export default defineContentScript({
  matches: CLICKUP_MATCHES,
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: () => startBoards(new Lifetime('boards'), { ...clickup, listing: clickupListing }, guardPointerDrags),
});
