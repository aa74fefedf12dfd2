import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface CertificatePair {
  /** PEM X.509 certificate. */
  certificate: string;
  /** PEM PKCS #8 private key of the certificate. */
  privateKey: string;
}

/**
 * A fresh self-signed Ed25519 certificate, so TLS specs need neither OpenSSL nor a private key
 * committed to the repository. Node can parse and check certificates but not issue them, hence
 * the few lines of DER below (RFC 5280's TBSCertificate, no extensions).
 */
export function selfSignedCertificate(commonName = 'talent-engine-test', validDays = 1): CertificatePair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const ed25519 = sequence(objectId('1.3.101.112'));
  const name = sequence(set(sequence(objectId('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
  const now = Date.now();
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(serialNumber()),
    ed25519,
    name,
    sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + validDays * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const der = sequence(tbs, ed25519, tlv(0x03, Buffer.concat([Buffer.from([0]), sign(null, tbs, privateKey)])));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    certificate: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function tlv(tag: number, content: Buffer): Buffer {
  const length =
    content.length < 0x80
      ? Buffer.from([content.length])
      : Buffer.concat([Buffer.from([0x82]), Buffer.from([content.length >> 8, content.length & 0xff])]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const sequence = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));

const integer = (bytes: Buffer) => tlv(0x02, bytes);

/** Positive and minimally encoded, as DER wants: the first byte is neither zero nor above 0x7f. */
function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes;
}

function objectId(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const arcs = [first! * 40 + second!, ...rest].flatMap((arc) => {
    const digits = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) digits.unshift((value & 0x7f) | 0x80);
    return digits;
  });
  return tlv(0x06, Buffer.from(arcs));
}

/** UTCTime, YYMMDDHHMMSSZ: enough for certificates that end before 2050. */
const utcTime = (date: Date) => tlv(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));
