// Lints the texts given on stdin ([{ filePath, code }]) with the project's ESLint config, import rule only, and prints
// each one's messages as JSON. A child process: ESLint loads its ESM config with import(), which Jest's VM refuses.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';

const cases = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({
  cwd: process.cwd(),
  // Type information is for other rules: without it, one instance lints every text in well under a second each.
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false } } }],
  ruleFilter: ({ ruleId }) => ruleId === 'local/allowed-imports',
});
const results = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
