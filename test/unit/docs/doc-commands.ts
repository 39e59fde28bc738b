import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstCommandWords } from './shell-words';

/** An `epf` command line of the docs, as the CLI would receive it. */
export interface DocCommand {
  /** `file:line` where it starts. */
  where: string;
  /** The command, re-quoted for the test's name. */
  command: string;
  args: string[];
  /**
   * `line` in a fenced block; `span` a code span in prose, where `epf orders submit` may name a command rather than
   * run it; `synopsis` a span such as `npm run epf -- <command>`, which has no command to check.
   */
  kind: 'line' | 'span' | 'synopsis';
}

/** Where a command starts: `epf` first in a command, or the npm script that runs it (options need the `--`). */
const COMMAND_START = /(?<=^\s*|[;&|(]\s*)epf\s|\bnpm run (?:-s |--silent )?epf --(?=\s|$)/g;

/** A span whose command is a placeholder or elided: `npm run epf -- <command>`, `npm run -s epf -- ...`. */
const SYNOPSIS = /\bepf (?:-- )?(?:<|\.\.\.)/;

/** A line that mentions a command: each needs a command found on it, or the extraction missed one. */
export const MENTION = /`epf |\bnpm run (?:-s |--silent )?epf\b/;

/** README.md and docs/*.md, relative to `root`. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'));
  return ['README.md', ...docs.sort().map((name) => `docs/${name}`)];
}

/** Every command in fenced code blocks (each line, with its `\` continuations) and in code spans of prose. */
export function documentedCommands(root: string): DocCommand[] {
  return docFiles(root).flatMap((file) => commandsOf(file, readFileSync(join(root, file), 'utf8').split('\n')));
}

function commandsOf(file: string, lines: string[]): DocCommand[] {
  const found: DocCommand[] = [];
  let fence: string | undefined;
  let paragraph: { line: number; text: string } | undefined;
  const endParagraph = () => {
    if (paragraph) found.push(...spanCommands(file, paragraph.line, paragraph.text));
    paragraph = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const marker = /^\s*(```|~~~)/.exec(lines[i]!)?.[1];
    if (fence) {
      if (marker === fence) fence = undefined;
      else {
        const start = i;
        let text = lines[i]!;
        while (text.endsWith('\\') && i + 1 < lines.length) text += `\n${lines[++i]}`;
        found.push(...commandsIn(text).map((args) => docCommand(file, start + 1, args, 'line')));
      }
    } else if (marker) {
      endParagraph();
      fence = marker;
    } else if (!lines[i]!.trim()) {
      endParagraph();
    } else {
      // Code spans may wrap: a paragraph (or table, or list) is scanned as one text.
      paragraph = paragraph
        ? { ...paragraph, text: `${paragraph.text}\n${lines[i]}` }
        : { line: i + 1, text: lines[i]! };
    }
  }
  endParagraph();
  return found;
}

function spanCommands(file: string, firstLine: number, text: string): DocCommand[] {
  return [...text.matchAll(/`([^`]+)`/g)].flatMap((span) => {
    const line = firstLine + text.slice(0, span.index).split('\n').length - 1;
    const code = span[1]!.replace(/\n/g, ' ');
    const kind = SYNOPSIS.test(code) ? 'synopsis' : 'span';
    return commandsIn(usageToShell(code)).map((args) => docCommand(file, line, args, kind));
  });
}

/** Prose writes usage, not shell: `<ref>` and `"<cart method>"` become sample words, `[--cart <id>]` is given. */
function usageToShell(span: string): string {
  return span
    .replace(/<([^<>]+)>/g, (_, name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .replace(/\[([^\]]*)\]/g, '$1');
}

/** The CLI arguments of each command in `text`: the words after `epf`, or after `epf --` of the npm script. */
function commandsIn(text: string): string[][] {
  return [...text.matchAll(COMMAND_START)].map((start) => {
    const words = firstCommandWords(text.slice(start.index));
    return words.slice(words.indexOf('epf') + (words[0] === 'epf' ? 1 : 2));
  });
}

function docCommand(file: string, line: number, args: string[], kind: DocCommand['kind']): DocCommand {
  const quoted = args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg}'`));
  return { where: `${file}:${line}`, command: ['epf', ...quoted].join(' '), args, kind };
}

/** Every `npm run <script>` and `npm test` in the docs, with where it is. */
export function documentedScripts(root: string): { where: string; script: string }[] {
  return docFiles(root).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/\bnpm (?:run (?:-s |--silent )?([\w:.-]+)|(test)\b)/g)].map((match) => ({
      where: `${file}:${text.slice(0, match.index).split('\n').length}`,
      script: (match[1] ?? match[2])!,
    }));
  });
}
