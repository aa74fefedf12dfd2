import { API_KEY_ID_PATTERN, PRINCIPAL_ID_PATTERN } from '@talent/identity';
import { decodeIdCursor, encodeIdCursor, pageAnswer } from './identity-page';

const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('identity list cursors', () => {
  it('name the id of the last row they were given out for', () => {
    expect(decodeIdCursor(encodeIdCursor('officer-wang'), PRINCIPAL_ID_PATTERN)).toBe('officer-wang');
    expect(decodeIdCursor(encodeIdCursor('9f2c4e1a7b3d5c60'), API_KEY_ID_PATTERN)).toBe('9f2c4e1a7b3d5c60');
  });

  it('refuse anything the api did not give out, before it reaches SQL', () => {
    for (const cursor of [
      'not-a-cursor',
      '',
      encoded('officer-wang'),
      encoded(['officer-wang', 'extra']),
      encoded([42]),
      encoded(['../admin']),
      encoded(['a\u0000b']),
      `${encodeIdCursor('officer-wang')}==`,
      ` ${encodeIdCursor('officer-wang')}`,
    ]) {
      expect({ cursor, id: decodeIdCursor(cursor, PRINCIPAL_ID_PATTERN) }).toEqual({ cursor, id: undefined });
    }
    // A cursor of the users' list is not one of a client's keys.
    expect(decodeIdCursor(encodeIdCursor('officer-wang'), API_KEY_ID_PATTERN)).toBeUndefined();
  });

  it('come with a page only when another follows', () => {
    const rows = [{ id: 'a1' }, { id: 'b2' }];
    expect(
      pageAnswer(
        { items: rows, more: true },
        (row) => row.id,
        (row) => row.id,
      ),
    ).toEqual({
      items: ['a1', 'b2'],
      nextCursor: encodeIdCursor('b2'),
    });
    expect(
      pageAnswer(
        { items: rows, more: false },
        (row) => row.id,
        (row) => row.id,
      ).nextCursor,
    ).toBeNull();
  });
});
