import { EXPANDED, firstCommandWords } from './shell-words';

describe('firstCommandWords', () => {
  it('removes quotes and escapes as a POSIX shell does', () => {
    expect(firstCommandWords(`epf orders show '#1001' --reason "a \\"b\\" c" d\\ e`)).toEqual([
      'epf',
      'orders',
      'show',
      '#1001',
      '--reason',
      'a "b" c',
      'd e',
    ]);
  });

  it('joins continued lines and ends at a comment, an operator or a newline', () => {
    expect(firstCommandWords('epf orders list \\\n  --json   # all of them\nnext')).toEqual([
      'epf',
      'orders',
      'list',
      '--json',
    ]);
    expect(firstCommandWords('epf exceptions && echo done')).toEqual(['epf', 'exceptions']);
    expect(firstCommandWords('epf orders list > out.txt; cat out.txt')).toEqual(['epf', 'orders', 'list']);
  });

  it('stands a placeholder for what only a shell could expand', () => {
    expect(firstCommandWords('KEY=$(openssl rand -hex 32) epf "$HOME/${X}" `date`')).toEqual([
      `KEY=${EXPANDED}`,
      'epf',
      `${EXPANDED}/${EXPANDED}`,
      EXPANDED,
    ]);
  });
});
