import { storage } from 'wxt/utils/storage';

/**
 * ClickUp on the team's own domain (white label): origins like "https://tasks.example.com".
 * Each is added with the user's permission; the worker registers the ClickUp script there.
 */
export const clickupHosts = storage.defineItem<string[]>('local:clickupHosts', { fallback: [] });

/** "tasks.example.com/x" or "https://tasks.example.com" -> "https://tasks.example.com"; undefined if not a web host. */
export function hostOrigin(input: string): string | undefined {
  const text = input.trim();
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' || !url.hostname.includes('.')) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export const originPattern = (origin: string) => `${origin}/*`;
