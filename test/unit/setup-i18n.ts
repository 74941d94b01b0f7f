import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Unit tests render components that read their words through browser.i18n, which the fake
// browser leaves unmocked: answer from the same locales/en.yml the build turns into
// _locales/en/messages.json, with Chrome's substitution rules ($1..$9, $$ for a dollar sign).
const messages = generateChromeMessages(await parseMessagesFile(resolve(__dirname, '../../locales/en.yml')));

fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) => {
  const message = messages[key]?.message;
  if (message === undefined) return '';
  const subs = substitutions === undefined ? [] : ([] as (string | number)[]).concat(substitutions).map(String);
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
};
