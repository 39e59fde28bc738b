/** What stands for an expansion ($VAR, ${VAR}, $(...), `...`): the docs' environment cannot be evaluated here. */
export const EXPANDED = 'placeholder';

const OPERATORS = ';&|()';

/**
 * The words of the first simple command in `text`, split as a POSIX shell splits them: quotes removed, `\` escapes
 * and line continuations, expansions as EXPANDED. A newline, an operator or a `#` comment ends the command;
 * redirections are dropped with their target.
 */
export function firstCommandWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let redirected = false;
  const endWord = () => {
    if (word !== undefined && !redirected) words.push(word);
    if (word !== undefined) redirected = false;
    word = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      // A backslash-newline joins lines; any other escaped character is literal.
      if (text[i + 1] !== '\n') word = (word ?? '') + (text[i + 1] ?? '');
      i++;
    } else if (c === "'") {
      const close = closing(text, "'", i);
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      const [value, close] = doubleQuoted(text, i);
      word = (word ?? '') + value;
      i = close;
    } else if (c === '$' || c === '`') {
      const end = expansionEnd(text, i);
      word = (word ?? '') + (end === i ? c : EXPANDED);
      i = end;
    } else if (c === '#' && word === undefined) {
      break;
    } else if (c === '\n' || OPERATORS.includes(c)) {
      break;
    } else if (c === '<' || c === '>') {
      endWord();
      redirected = true;
      while ('<>&'.includes(text[i + 1] ?? ' ')) i++;
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      word = (word ?? '') + c;
    }
  }
  endWord();
  return words;
}

function closing(text: string, quote: string, open: number): number {
  const close = text.indexOf(quote, open + 1);
  if (close < 0) throw new Error(`unterminated ${quote} in: ${text}`);
  return close;
}

// Inside double quotes `\` escapes only $ ` " \ and newline, and expansions still happen.
function doubleQuoted(text: string, open: number): [string, number] {
  let value = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return [value, i];
    if (c === '\\' && '$`"\\\n'.includes(text[i + 1] ?? ' ')) {
      if (text[i + 1] !== '\n') value += text[i + 1];
      i++;
    } else if (c === '$' || c === '`') {
      const end = expansionEnd(text, i);
      value += end === i ? c : EXPANDED;
      i = end;
    } else {
      value += c;
    }
  }
  throw new Error(`unterminated " in: ${text}`);
}

/** The index of the last character of the expansion at `start`, or `start` for a `$` that expands nothing. */
function expansionEnd(text: string, start: number): number {
  if (text[start] === '`') return closing(text, '`', start);
  const next = text[start + 1];
  if (next === '{') return closing(text, '}', start);
  if (next === '(') {
    let depth = 0;
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '(') depth++;
      if (text[i] === ')' && --depth === 0) return i;
    }
    throw new Error(`unterminated $( in: ${text}`);
  }
  const name = /^(?:[A-Za-z_]\w*|[0-9?#@*$!-])/.exec(text.slice(start + 1));
  return name ? start + name[0].length : start;
}
