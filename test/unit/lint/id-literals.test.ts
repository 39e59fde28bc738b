import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { EXCEPTIONS_ALERT_SCHEDULE_ID, WorkflowType } from '../../../workflows/definitions';
import * as ids from '../../../workflows/ids';

// Workflow and schedule IDs are built in workflows/ids.ts only, and workflow types named through WorkflowType: a
// string that spells one out elsewhere drifts the day the format changes. The prefixes come from the builders, so this
// check follows them. Tests may spell an ID out where the format itself is what they check.
const ROOT = join(__dirname, '..', '..', '..');
const SCANNED = ['src/', 'activities/', 'chaos/', 'burst/', 'bench/', 'scripts/', 'worker.ts'];
// The order workflow's ID is built (and read back) by the domain, which workflows/ids.ts re-exports.
const BUILDERS = ['src/domain/order.ts'];

// Each builder of ids.ts given a placeholder ID, cut before it: `pull:`, `order:`, ... (a new builder is checked too).
const PLACEHOLDER = 'id0';
const prefixes = Object.values(ids).flatMap((builder: unknown) => {
  const id = typeof builder === 'function' ? (builder as (...parts: string[]) => unknown)(PLACEHOLDER, '') : undefined;
  return typeof id === 'string' && id.includes(PLACEHOLDER) ? [id.slice(0, id.indexOf(PLACEHOLDER))] : [];
});
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A prefix followed by an ID or a substitution (`pull:${cartId}`), not prose ("an order: its status").
const ID_PREFIX = new RegExp(`(^|[^\\w-])(${prefixes.map(escape).join('|')})(?=[^\\s]|$)`);
const NAMES = new RegExp(`\\b(${[...Object.values(WorkflowType), EXCEPTIONS_ALERT_SCHEDULE_ID].join('|')})\\b`);

// A module's path (`./exceptions-alert`) names a file, not an ID.
const isModulePath = (node: ts.Node) =>
  (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)) && node.parent.moduleSpecifier === node;

/** Every string, template and regular expression literal of a file whose text names an ID prefix or a type. */
function offending(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node);
    if (literal && !isModulePath(node)) {
      const text = ts.isRegularExpressionLiteral(node) ? node.text : (node as ts.LiteralLikeNode).text;
      if (ID_PREFIX.test(text) || NAMES.test(text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path}:${line + 1}: ${node.getText()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('workflow and schedule IDs outside workflows/', () => {
  it('finds the literals it looks for', () => {
    expect(prefixes).toEqual(expect.arrayContaining(['pull:', 'shipments:', 'inventory-push:', 'order:']));
    expect(ID_PREFIX.test('pull:')).toBe(true);
    expect(ID_PREFIX.test('trigger the schedule inventory-pickup:')).toBe(true);
    expect(ID_PREFIX.test('invalid order: the zip')).toBe(false);
    expect(NAMES.test('pullOrdersWorkflow')).toBe(true);
  });

  it('are built by workflows/ids.ts, never spelled out', () => {
    const files = execFileSync('git', ['ls-files', '--', ...SCANNED], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(ts|mts|cts)$/.test(file) && !BUILDERS.includes(file));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(offending)).toEqual([]);
  });
});
