import {
  advance,
  decodeCursor,
  encodeCursor,
  isNew,
  modifiedAfter,
  resumeAfter,
} from '../../../src/carts/modified-cursor';

describe('modified-date cursor', () => {
  const start = decodeCursor(undefined, '2027-03-14T10:00:00.750Z');

  it('starts at the configured second and asks one second earlier, because modified_after is strict', () => {
    expect(start).toEqual({ since: '2027-03-14T10:00:00Z', ids: [], page: 1 });
    expect(modifiedAfter(start)).toBe('2027-03-14T09:59:59');
  });

  it('round-trips through its stored form', () => {
    const cursor = { since: '2027-03-14T10:00:05Z', ids: [7, 9], page: 2 };
    expect(decodeCursor(encodeCursor(cursor), 'ignored')).toEqual(cursor);
  });

  it('moves to the newest second of a page and remembers the orders delivered at that second', () => {
    const next = advance(
      start,
      [
        { id: 1, modified: '2027-03-14T10:00:01Z' },
        { id: 2, modified: '2027-03-14T10:00:03Z' },
        { id: 3, modified: '2027-03-14T10:00:03Z' },
      ],
      false,
    );
    expect(next).toEqual({ since: '2027-03-14T10:00:03Z', ids: [2, 3], page: 1 });
    expect(isNew(next, { id: 3, modified: '2027-03-14T10:00:03Z' })).toBe(false);
    expect(isNew(next, { id: 4, modified: '2027-03-14T10:00:03Z' })).toBe(true);
    expect(isNew(next, { id: 3, modified: '2027-03-14T10:00:04Z' })).toBe(true);
    expect(isNew(next, { id: 1, modified: '2027-03-14T10:00:01Z' })).toBe(false);
  });

  it('pages through a second holding more orders than a page, then starts that window over', () => {
    const cursor = { since: '2027-03-14T10:00:03Z', ids: [2], page: 1 };
    const listed = [
      { id: 2, modified: '2027-03-14T10:00:03Z' },
      { id: 5, modified: '2027-03-14T10:00:03Z' },
    ];
    const next = advance(cursor, listed, false);
    expect(next).toEqual({ since: '2027-03-14T10:00:03Z', ids: [2, 5], page: 2 });
    expect(advance(next, [{ id: 6, modified: '2027-03-14T10:00:03Z' }], true)).toEqual({
      since: '2027-03-14T10:00:03Z',
      ids: [2, 5, 6],
      page: 1,
    });
  });

  it('stays put on an empty page', () => {
    expect(advance(start, [], true)).toEqual(start);
  });

  it('rejects a cursor that is not its own', () => {
    expect(() => decodeCursor('{"since":"yesterday"}', 'x')).toThrow();
  });
});

describe('modified-date cursor after part of a page', () => {
  const at = (id: number, modified: string) => ({ id, modified });

  it('moves the window to the newest order delivered, from page 1', () => {
    const cursor = { since: '2027-03-14T10:00:00Z', ids: [1], page: 3 };
    expect(resumeAfter(cursor, [at(2, '2027-03-14T10:00:04Z'), at(3, '2027-03-14T10:00:05Z')])).toEqual({
      since: '2027-03-14T10:00:05Z',
      ids: [3],
      page: 1,
    });
  });

  it('within the same second reads the same page again, skipping what is done', () => {
    const cursor = { since: '2027-03-14T10:00:00Z', ids: [1], page: 3 };
    expect(resumeAfter(cursor, [at(2, '2027-03-14T10:00:00Z')])).toEqual({ ...cursor, ids: [1, 2] });
  });
});
