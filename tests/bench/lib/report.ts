/**
 * The one output format of `npm run bench`:
 * `BENCH <name> value=<number> unit=<unit> baseline=<number> ratio=<value/baseline> goal=<text>`.
 * A figure that could not be measured is printed with value=NaN (and the reason on stderr), never faked.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  goal: string;
}

function num(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(1) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

export function formatBench(f: BenchFigure): string {
  const ratio =
    Number.isFinite(f.value) && Number.isFinite(f.baseline) && f.baseline !== 0 ? f.value / f.baseline : NaN;
  return `BENCH ${f.name} value=${num(f.value)} unit=${f.unit} baseline=${num(f.baseline)} ratio=${num(ratio)} goal=${f.goal.replace(/\s+/g, '_')}`;
}

export function printBench(f: BenchFigure): void {
  process.stdout.write(`${formatBench(f)}\n`);
}

/** Progress and reasons go to stderr so stdout holds only BENCH lines. */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
