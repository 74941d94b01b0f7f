import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Surface } from './driver';

// axe-core run inside a page or frame, the same way in every browser: its source is injected
// through the driver (not @axe-core/playwright, which drives Playwright pages only), then
// axe.run checks that document.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA rules, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeSummary {
  passes: number;
  violations: { id: string; impact: string | null; help: string; nodes: number }[];
}

/** Every violation as "id (impact): help (nodes)". */
export async function axeViolations(surface: Surface): Promise<string[]> {
  await surface.inject(AXE_SOURCE);
  const results = await surface.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ passes: unknown[]; violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> } }).axe;
    const { passes, violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { passes: passes.length, violations: violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.length })) } satisfies AxeSummary;
  }, TAGS);
  // A document axe found nothing to check in would pass vacuously.
  if (results.passes === 0) throw new Error('axe checked nothing');
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} (${violation.nodes})`);
}

/** Whether a page or frame is drawn dark: the luminance of the first painted background. */
export function drawnDark(surface: Surface): Promise<boolean> {
  return surface.evaluate(() => {
    const painted =
      [document.body, document.documentElement]
        .map((element) => getComputedStyle(element).backgroundColor)
        .find((color) => color !== 'rgba(0, 0, 0, 0)') ?? 'rgb(255, 255, 255)';
    const [r = 255, g = 255, b = 255] = painted.match(/\d+/g)?.map(Number) ?? [];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3;
  }, undefined);
}
