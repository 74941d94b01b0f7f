// One line per budget: the measured number, the budget, and whether it holds.

export interface BenchResult {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}

export const results: BenchResult[] = [];
export function report(name: string, value: string, budget: string, ok: boolean) {
  results.push({ name, value, budget, ok });
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${value} (budget ${budget})`);
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
export const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;
export const ms = (value: number) => `${value.toFixed(2)} ms`;
