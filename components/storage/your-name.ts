import { storage } from 'wxt/utils/storage';

/** How the user signs briefs and receipts ("Handed off by …"). Set on the settings page. */
export const yourName = storage.defineItem<string>('local:yourName', { fallback: '' });
