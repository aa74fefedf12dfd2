import { createPublicKey, generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { eventHash } from './hash-chain';
import {
  auditKeyId,
  generateSigningKey,
  loadSigningKey,
  signStreamExport,
  type StreamExport,
  verifyStreamExport,
} from './stream-export';
import type { EventMetadata, JsonObject, RecordedEvent } from './types';

const officer = { actor: { id: 'officer-wang', role: 'hr_officer' } };
const auditor = { id: 'auditor-li', role: 'auditor' };

/** A stream chained by the store's own hash function, as `append` would have written it. */
function storedStream(
  streamId: string,
  steps: Array<{ type: string; data: JsonObject; metadata?: EventMetadata }>,
): RecordedEvent[] {
  let previousHash: string | null = null;
  return steps.map((step, index) => {
    const fields = {
      streamId,
      streamVersion: index + 1,
      eventId: randomUUID(),
      type: step.type,
      schemaVersion: 1,
      data: step.data,
      metadata: step.metadata ?? officer,
      occurredAt: new Date(Date.UTC(2025, 2, 3 + index, 2)),
      recordedAt: new Date(Date.UTC(2025, 2, 3 + index, 2, 0, 1, 250)),
    };
    const hash = eventHash(previousHash, fields);
    const event: RecordedEvent = {
      ...fields,
      globalPosition: 1000n + BigInt(index),
      transactionId: 77n,
      previousHash,
      hash,
    };
    previousHash = hash;
    return event;
  });
}

describe('signed stream exports', () => {
  const signingKey = loadSigningKey(generateSigningKey());
  const officePublicKey = createPublicKey(signingKey);
  const streamId = `case-${randomUUID()}`;
  const events = storedStream(streamId, [
    { type: 'CaseOpened', data: { kind: 'recruitment', subject: { name: '张三' } } },
    { type: 'ScoreRecorded', data: { written: 81.5, interview: 88 } },
    { type: 'CaseClosed', data: { outcome: 'hired' }, metadata: { actor: { id: 'leader-1', role: 'approver' } } },
  ]);
  const exportedAt = new Date('2025-06-30T08:00:00.000Z');

  /** A fresh, independently editable copy, as an auditor would receive it. */
  const exported = (): StreamExport =>
    JSON.parse(JSON.stringify(signStreamExport({ streamId, events, exportedBy: auditor, exportedAt }, signingKey)));

  it('describes the stream, its head and the signing key', () => {
    const document = signStreamExport({ streamId, events, exportedBy: auditor, exportedAt }, signingKey);

    expect(document).toMatchObject({
      format: 'talent-engine/stream-export',
      formatVersion: 1,
      streamId,
      exportedAt: '2025-06-30T08:00:00.000Z',
      exportedBy: auditor,
      eventCount: 3,
      headHash: events[2]!.hash,
      signature: { algorithm: 'Ed25519', keyId: auditKeyId(officePublicKey) },
    });
    expect(document.events[1]).toEqual({
      streamVersion: 2,
      eventId: events[1]!.eventId,
      globalPosition: '1001',
      type: 'ScoreRecorded',
      schemaVersion: 1,
      data: { written: 81.5, interview: 88 },
      metadata: officer,
      occurredAt: '2025-03-04T02:00:00.000Z',
      recordedAt: '2025-03-04T02:00:01.250Z',
      previousHash: events[0]!.hash,
      hash: events[1]!.hash,
    });
  });

  it('verifies an untouched export, also against the trusted key', () => {
    expect(verifyStreamExport(exported(), { trustedPublicKey: officePublicKey })).toEqual({
      valid: true,
      streamId,
      eventsVerified: 3,
      keyId: auditKeyId(officePublicKey),
      signatureValid: true,
      chainValid: true,
      carriesTreeHead: false,
      trustedKey: true,
      problems: [],
    });
  });

  it('accepts the trusted key as PEM, and reports trust as unchecked when none is given', () => {
    const pem = officePublicKey.export({ type: 'spki', format: 'pem' }).toString();

    expect(verifyStreamExport(exported(), { trustedPublicKey: pem })).toMatchObject({ valid: true, trustedKey: true });
    expect(verifyStreamExport(exported())).toMatchObject({ valid: true, trustedKey: null });
  });

  it('signs bytes any JCS implementation can rebuild: the canonical document without signature.value', () => {
    const { signature, ...rest } = exported();
    const { value, ...signedSignature } = signature;

    const bytes = Buffer.from(canonicalize({ ...rest, signature: signedSignature }), 'utf8');

    expect(verify(null, bytes, createPublicKey(signature.publicKey), Buffer.from(value, 'base64'))).toBe(true);
  });

  it('names event 2 when its data was edited', () => {
    const document = exported();
    document.events[1]!.data = { written: 91.5, interview: 88 };

    const result = verifyStreamExport(document);

    expect(result).toMatchObject({ valid: false, signatureValid: false, chainValid: false, eventsVerified: 1 });
    expect(result.problems).toContain(`event 2 (${events[1]!.eventId}): hash does not match its content`);
  });

  it('names the chain break even when the editor re-signed with a key of their own', () => {
    const document = exported();
    document.events[1]!.data = { written: 91.5, interview: 88 };
    const resigned = signStreamExport(
      {
        streamId,
        events: events.map((event, index) => (index === 1 ? { ...event, data: document.events[1]!.data } : event)),
        exportedBy: auditor,
      },
      loadSigningKey(generateSigningKey()),
    );

    const result = verifyStreamExport(resigned);

    expect(result).toMatchObject({ valid: false, signatureValid: true, chainValid: false });
    expect(result.problems).toEqual([`event 2 (${events[1]!.eventId}): hash does not match its content`]);
  });

  it('detects an event dropped from the middle', () => {
    const document = exported();
    document.events.splice(1, 1);

    const result = verifyStreamExport(document);

    expect(result).toMatchObject({ valid: false, chainValid: false, signatureValid: false, eventsVerified: 1 });
    expect(result.problems).toContain(
      `event 2 (${events[2]!.eventId}): streamVersion is 3, expected 2: an event is missing, repeated or out of order`,
    );
  });

  it('detects a truncated tail through the head and count', () => {
    const document = exported();
    document.events.pop();

    const result = verifyStreamExport(document);

    expect(result).toMatchObject({ valid: false, chainValid: false, eventsVerified: 2 });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'eventCount is 3 but the export holds 2 events',
        expect.stringMatching(/^headHash ".*" is not the hash of the last event/),
      ]),
    );
  });

  it('rejects a changed signature while the chain still holds', () => {
    const document = exported();
    const value = Buffer.from(document.signature.value, 'base64');
    value[0] = value[0]! ^ 0xff;
    document.signature.value = value.toString('base64');

    expect(verifyStreamExport(document)).toMatchObject({
      valid: false,
      signatureValid: false,
      chainValid: true,
      eventsVerified: 3,
      problems: [expect.stringContaining('signature does not match the document')],
    });
  });

  it('rejects a signature by another key when the office key is trusted, though it is sound in itself', () => {
    const otherKey = loadSigningKey(generateSigningKey());
    const document = signStreamExport({ streamId, events, exportedBy: auditor, exportedAt }, otherKey);

    const result = verifyStreamExport(document, { trustedPublicKey: officePublicKey });

    expect(result).toMatchObject({
      valid: false,
      signatureValid: true,
      chainValid: true,
      trustedKey: false,
      keyId: auditKeyId(createPublicKey(otherKey)),
    });
    expect(result.problems).toEqual([expect.stringContaining('anyone can re-sign')]);
  });

  it('rejects a key id that is not the embedded key’s', () => {
    const document = exported();
    document.signature.keyId = '0000000000000000';

    expect(verifyStreamExport(document).problems).toContain(
      `signature.keyId 0000000000000000 is not the id of signature.publicKey (${auditKeyId(officePublicKey)})`,
    );
  });

  it.each([
    ['null', null, 'the document is not a JSON object'],
    ['an array', [], 'the document is not a JSON object'],
    ['an empty object', {}, 'format is missing, not "talent-engine/stream-export": this is not a stream export'],
    ['another format', { format: 'emmett/stream', formatVersion: 1 }, 'format is "emmett/stream"'],
    [
      'a later version',
      { format: 'talent-engine/stream-export', formatVersion: 3 },
      'formatVersion 3 is not supported',
    ],
  ])('reports %s as invalid without throwing', (_what, document, problem) => {
    const result = verifyStreamExport(document);

    expect(result).toMatchObject({ valid: false, eventsVerified: 0, signatureValid: false, chainValid: false });
    expect(result.problems[0]).toContain(problem);
  });

  it('names the malformed fields of a damaged document', () => {
    const document: Record<string, unknown> = { ...exported(), streamId: 42, signature: 'none' };
    const damaged = exported();
    (damaged.events[0] as unknown as Record<string, unknown>).occurredAt = '3 March 2025';
    delete (damaged.events[0] as unknown as Record<string, unknown>).hash;

    expect(verifyStreamExport(document).problems).toEqual(
      expect.arrayContaining([
        'streamId must be a non-empty string',
        'signature is missing: the export cannot be attributed to anyone',
      ]),
    );
    expect(verifyStreamExport(damaged).problems).toContain(
      `event 1 (${events[0]!.eventId}): malformed occurredAt, hash`,
    );
  });

  it('stays valid through a JSON round trip with other spacing and key order', () => {
    const document = signStreamExport({ streamId, events, exportedBy: auditor }, signingKey);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(document).reverse()), null, 2));

    expect(verifyStreamExport(reordered, { trustedPublicKey: officePublicKey }).valid).toBe(true);
  });

  it('exports an empty stream with no head', () => {
    const document = signStreamExport({ streamId, events: [], exportedBy: auditor }, signingKey);

    expect(document).toMatchObject({ eventCount: 0, headHash: null, events: [] });
    expect(verifyStreamExport(JSON.parse(JSON.stringify(document)))).toMatchObject({ valid: true, eventsVerified: 0 });
  });

  it('refuses keys that are not Ed25519 private keys, and events of another stream', () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const ecBase64 = ecKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

    expect(() => loadSigningKey('bm90IGEga2V5')).toThrow('not a base64-encoded PKCS#8 DER private key');
    expect(() => loadSigningKey(ecBase64)).toThrow('is an ec key; exports are signed with Ed25519');
    expect(() => signStreamExport({ streamId: 'case-other', events, exportedBy: auditor }, signingKey)).toThrow(
      `belongs to ${streamId}`,
    );
  });
});
