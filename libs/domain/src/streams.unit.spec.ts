import { toRefusalStreamId } from './streams';

describe('refusal streams', () => {
  it('are one per office day and caller, the id kept readable where it is safe', () => {
    expect(toRefusalStreamId('2026-11-25', 'officer-wang')).toBe('refusals-2026-11-25-by-officer-wang');
    expect(toRefusalStreamId('2026-11-25', undefined)).toBe('refusals-2026-11-25-anonymous');
  });

  it('never give two callers, or a caller and the anonymous, one stream', () => {
    const ids = ['anonymous', 'a_b', 'a_5f_b', 'a-b', 'A-b', 'a/b', 'a b', '王芳', '', '_', '__'];
    const streams = [undefined, ...ids].map((id) => toRefusalStreamId('2026-11-25', id));

    expect(new Set(streams).size).toBe(streams.length);
    for (const stream of streams) expect(stream).toMatch(/^refusals-2026-11-25-[a-z0-9._-]+$/);
  });
});
