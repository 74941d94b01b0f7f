import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { insertIntoComposer } from '../components/page/composer';
import { recordNotesText } from '../components/page/notes-text';
import { providePageTools } from '../components/page/page-tools';
import { pageOutline } from '../lib/page-outline';

// Injected by the worker into a host tab when a person asks for a page tool (see page-tools.ts).
export default defineUnlistedScript(() => providePageTools({ pageOutline, insertIntoComposer, recordNotesText }));
