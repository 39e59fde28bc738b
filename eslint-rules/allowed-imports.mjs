// @ts-check
// The layering as allow-lists: each file belongs to a part by its path, and each part names what it may import.
// Anything a part does not name is refused, so a new dependency is a decision written in eslint.config.mjs.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * @typedef {object} Part
 * @property {string} name the part's name, as other parts' allow-lists name it
 * @property {string[]} files path prefixes relative to the project root (`src/db/`, `worker.ts`); a `*` segment
 *   stands for any one folder and makes one part per folder (`src/simulators/*\/`: `src/simulators/easypost`, ...)
 * @property {string[]} [may] parts and npm packages it may import; `node` is Node's built-ins, `*` anything
 * @property {string[]} [mayType] parts it may import types from only (`import type`, erased at build time)
 */

const BUILTINS = new Set(builtinModules);

/** The file a relative import loads, as TypeScript finds it: `x.ts`, `x/index.ts`, or `x` itself. */
function resolveFile(absolute) {
  return [`${absolute}.ts`, path.join(absolute, 'index.ts')].find((file) => existsSync(file)) ?? absolute;
}

/** The npm package a bare specifier names: `@scope/name` or `name`, or `node` for a built-in. */
function packageOf(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return 'node';
  const segments = specifier.split('/');
  return specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
}

/** The part a project path belongs to: the first whose prefix matches, `*` filled in from the path. */
function partOf(parts, relativePath) {
  for (const part of parts) {
    for (const prefix of part.files) {
      const pattern = prefix.split('/');
      const segments = relativePath.split('/');
      const star = pattern.indexOf('*');
      const filled =
        star < 0 ? prefix : [...pattern.slice(0, star), segments[star] ?? '', ...pattern.slice(star + 1)].join('/');
      if (relativePath === filled || (filled.endsWith('/') && relativePath.startsWith(filled))) {
        if (star < 0) return part;
        const folder = segments[star] ?? '';
        return { ...part, name: part.name.replace('*', folder), files: part.files.map((f) => f.replace('*', folder)) };
      }
    }
  }
  return undefined;
}

/** What a part may import, in words, for the error message. */
function describe(parts, part) {
  const label = (name) => {
    if (name === 'node') return 'Node built-ins';
    if (name === 'npm') return 'any npm package';
    return parts.find((candidate) => candidate.name === name)?.files.join(', ') ?? name;
  };
  const types = (part.mayType ?? []).map(label);
  return [
    ...part.files,
    ...(part.may ?? []).map(label),
    ...(types.length ? [`types from ${types.join(', ')}`] : []),
  ].join(', ');
}

/** Whether `part` may import `target`: a part's name, `npm:<package>` or `node`. */
function allows(part, target, typeOnly) {
  const names = [...(part.may ?? []), ...(typeOnly ? (part.mayType ?? []) : [])];
  if (target === part.name || names.includes('*')) return true;
  if (target.startsWith('npm:')) return names.includes('npm') || names.includes(target.slice(4));
  return names.includes(target);
}

/** @type {import('eslint').Rule.RuleModule} */
export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each part of the code imports only what its allow-list names' },
    schema: [{ type: 'object', properties: { parts: { type: 'array' } }, required: ['parts'] }],
    messages: { refused: '{{part}} may import only {{allowed}}: {{specifier}} is {{target}}.' },
  },
  create(context) {
    /** @type {Part[]} */
    const parts = context.options[0].parts;
    const root = context.cwd;
    const relative = (file) => path.relative(root, file).split(path.sep).join('/');
    const part = partOf(parts, relative(context.filename));
    if (!part) return {};

    /** The part or package a specifier names, as allow-lists name it. */
    const targetOf = (specifier) => {
      if (!specifier.startsWith('.')) {
        const name = packageOf(specifier);
        return name === 'node'
          ? { key: 'node', words: 'a Node built-in' }
          : { key: `npm:${name}`, words: `npm's ${name}` };
      }
      const resolved = relative(resolveFile(path.resolve(path.dirname(context.filename), specifier)));
      const target = partOf(parts, resolved);
      if (!target) return { key: resolved, words: 'outside every part' };
      return { key: target.name, words: `in ${target.files.join(', ')}` };
    };

    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string') return;
      const target = targetOf(source.value);
      if (allows(part, target.key, typeOnly)) return;
      context.report({
        node,
        messageId: 'refused',
        data: { part: part.name, allowed: describe(parts, part), specifier: `'${source.value}'`, target: target.words },
      });
    };

    return {
      ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
    };
  },
};
