import { defineContentScript } from 'wxt/utils/define-content-script';
import { Lifetime } from '../components/page/lifetime';
import { startBoards } from '../components/page/board/baton-boards';
import { guardHtml5Drags } from '../components/page/board/html5-guard';
import { pipedrive, pipedriveListing, PIPEDRIVE_MATCHES } from '../lib/hosts/pipedrive';

// Boards and lists: badges and the drag guard. Not in the manifest: the worker injects it
// when the record script sees a board or list, so other pages never pay for it.
export default defineContentScript({
  matches: PIPEDRIVE_MATCHES,
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: () => startBoards(new Lifetime('boards'), { ...pipedrive, listing: pipedriveListing }, guardHtml5Drags),
});
