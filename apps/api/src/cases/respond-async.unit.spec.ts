import { prefersRespondAsync } from './respond-async';

describe('Prefer: respond-async (RFC 7240)', () => {
  it.each([
    'respond-async',
    'Respond-Async',
    'return=minimal, respond-async',
    'respond-async; foo=bar',
    ' respond-async , wait=10',
  ])('is asked for by %j', (prefer) => {
    expect(prefersRespondAsync(prefer)).toBe(true);
  });

  it.each([undefined, '', 'return=minimal', 'wait=10', 'respond-asynchronously', 'x-respond-async'])(
    'is not asked for by %j',
    (prefer) => {
      expect(prefersRespondAsync(prefer)).toBe(false);
    },
  );
});
