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
    expect(start).toEqual({ since: '2027-03-14T10:00:00Z', seen: [], page: 1 });
    expect(modifiedAfter(start)).toBe('2027-03-14T09:59:59');
  });

  it('round-trips through its stored form', () => {
    const cursor = { since: '2027-03-14T10:00:05Z', seen: ['7:processing', '9:cancelled'], page: 2 };
    expect(decodeCursor(encodeCursor(cursor), 'ignored')).toEqual(cursor);
  });

  it('moves to the newest second of a page and remembers the orders delivered at that second', () => {
    const next = advance(
      start,
      [
        { id: 1, modified: '2027-03-14T10:00:01Z', status: 'processing' },
        { id: 2, modified: '2027-03-14T10:00:03Z', status: 'processing' },
        { id: 3, modified: '2027-03-14T10:00:03Z', status: 'processing' },
      ],
      false,
    );
    expect(next).toEqual({ since: '2027-03-14T10:00:03Z', seen: ['2:processing', '3:processing'], page: 1 });
    expect(isNew(next, { id: 3, modified: '2027-03-14T10:00:03Z', status: 'processing' })).toBe(false);
    expect(isNew(next, { id: 4, modified: '2027-03-14T10:00:03Z', status: 'processing' })).toBe(true);
    expect(isNew(next, { id: 3, modified: '2027-03-14T10:00:04Z', status: 'processing' })).toBe(true);
    expect(isNew(next, { id: 1, modified: '2027-03-14T10:00:01Z', status: 'processing' })).toBe(false);
  });

  it('pages through a second holding more orders than a page, then starts that window over', () => {
    const cursor = { since: '2027-03-14T10:00:03Z', seen: ['2:processing'], page: 1 };
    const listed = [
      { id: 2, modified: '2027-03-14T10:00:03Z', status: 'processing' },
      { id: 5, modified: '2027-03-14T10:00:03Z', status: 'processing' },
    ];
    const next = advance(cursor, listed, false);
    expect(next).toEqual({ since: '2027-03-14T10:00:03Z', seen: ['2:processing', '5:processing'], page: 2 });
    expect(advance(next, [{ id: 6, modified: '2027-03-14T10:00:03Z', status: 'processing' }], true)).toEqual({
      since: '2027-03-14T10:00:03Z',
      seen: ['2:processing', '5:processing', '6:processing'],
      page: 1,
    });
  });

  it('delivers again an order whose status changed within the second it was delivered in', () => {
    const placed = { id: 3, modified: '2027-03-14T10:00:03Z', status: 'processing' };
    const next = advance(start, [placed], true);
    expect(isNew(next, placed)).toBe(false);
    expect(isNew(next, { ...placed, status: 'cancelled' })).toBe(true);
    const after = advance(next, [{ ...placed, status: 'cancelled' }], true);
    expect(after.seen).toEqual(['3:processing', '3:cancelled']);
    expect(isNew(after, { ...placed, status: 'cancelled' })).toBe(false);
  });

  it('reads again the second of a cursor stored with ids only', () => {
    const stored = JSON.stringify({ since: '2027-03-14T10:00:03Z', ids: [3], page: 2 });
    expect(decodeCursor(stored, 'ignored')).toEqual({ since: '2027-03-14T10:00:03Z', seen: [], page: 2 });
  });

  it('stays put on an empty page', () => {
    expect(advance(start, [], true)).toEqual(start);
  });

  it('rejects a cursor that is not its own', () => {
    expect(() => decodeCursor('{"since":"yesterday"}', 'x')).toThrow();
  });
});

describe('modified-date cursor after part of a page', () => {
  const at = (id: number, modified: string) => ({ id, modified, status: 'processing' });

  it('moves the window to the newest order delivered, from page 1', () => {
    const cursor = { since: '2027-03-14T10:00:00Z', seen: ['1:processing'], page: 3 };
    expect(resumeAfter(cursor, [at(2, '2027-03-14T10:00:04Z'), at(3, '2027-03-14T10:00:05Z')])).toEqual({
      since: '2027-03-14T10:00:05Z',
      seen: ['3:processing'],
      page: 1,
    });
  });

  it('within the same second reads the same page again, skipping what is done', () => {
    const cursor = { since: '2027-03-14T10:00:00Z', seen: ['1:processing'], page: 3 };
    expect(resumeAfter(cursor, [at(2, '2027-03-14T10:00:00Z')])).toEqual({
      ...cursor,
      seen: ['1:processing', '2:processing'],
    });
  });
});
