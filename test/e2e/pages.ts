import type { Page } from 'playwright-core';
import type { Session } from './harness';

/** A new tab on a host page; page errors are collected so a test can assert there were none. */
export async function openPage(session: Session, url: string): Promise<Page & { errors: string[] }> {
  const page = (await session.context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(url);
  return page;
}

/** Calls a member of the fixture's window.__fixture in the page. */
export function fixture<T>(page: Page, member: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, values]) => {
      const api = (window as unknown as { __fixture: Record<string, unknown> }).__fixture;
      const value = api[name as string];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(...(values as unknown[])) : value;
    },
    [member, args] as const,
  ) as Promise<T>;
}
