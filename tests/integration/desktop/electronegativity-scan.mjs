// Runs electronegativity's scanner in this process and prints its findings as one JSON line on
// stdout, after the line `FINDINGS` (the scanner logs its own chatter to stdout too).
// Why not the CLI's `-o report.csv`: that writes the CSV header and the rows with two concurrent
// fs.writeFile calls, so the header can overwrite the first row (a CI run lost half a row that way).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// electronegativity is CommonJS; both modules end in `module.exports = exports.default`.
const load = createRequire(import.meta.url);
const [input, electronVersion, excluded] = process.argv.slice(2);
const dist = '@doyensec/electronegativity/dist';

await load(`${dist}/locales/i18n.js`)();
const run = load(`${dist}/runner.js`);
const result = await run(
  {
    input: resolve(input),
    customScan: [],
    excludeFromScan: excluded ? excluded.split(',').map((c) => c.trim().toLowerCase()) : [],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
const findings = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  file: issue.file,
  line: issue.location.line,
}));
process.stdout.write(`\nFINDINGS\n${JSON.stringify({ errors: result.errors.length, findings })}\n`);
