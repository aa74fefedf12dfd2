import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMPTY_TREE_HASH } from './merkle';
import { checkpointFileName, TreeHeadCheckpoints } from './tree-head-checkpoints';
import { generateSigningKey } from '@talent/event-store';
import { loadLedgerSigningKey, signTreeHead, verifyTreeHead } from './tree-head';

describe('tree head checkpoints, kept out of the database', () => {
  const key = loadLedgerSigningKey(generateSigningKey());
  const head = signTreeHead(
    { treeSize: 42, rootHash: EMPTY_TREE_HASH, issuedAt: new Date('2026-03-02T08:00:00.000Z') },
    key,
  );
  const messages: string[] = [];
  const logger = {
    log: (message: string) => messages.push(message),
    error: (message: string) => messages.push(`ERROR ${message}`),
  };
  let directory: string;

  beforeEach(async () => {
    messages.length = 0;
    directory = await mkdtemp(path.join(tmpdir(), 'checkpoints-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** A witness that answers each POST with the next status of `statuses`, and keeps what it was sent. */
  async function witness(statuses: number[]): Promise<{ url: string; received: unknown[]; server: Server }> {
    const received: unknown[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/heads`, received, server };
  }

  it('writes one JSON file per head that verifies with the public key alone', async () => {
    await new TreeHeadCheckpoints({ directory }, logger).publish(head);

    expect(await readdir(directory)).toEqual([checkpointFileName(head)]);
    const saved = JSON.parse(await readFile(path.join(directory, checkpointFileName(head)), 'utf8'));
    expect(saved).toEqual(head);
    expect(verifyTreeHead(saved, key)).toBe(true);
  });

  it('names files so that they sort in the order the heads were signed', () => {
    const later = { ...head, treeSize: 1000, issuedAt: '2026-03-02T09:00:00.000Z' };

    expect([checkpointFileName(later), checkpointFileName(head)].sort()).toEqual([
      checkpointFileName(head),
      checkpointFileName(later),
    ]);
  });

  it('posts each head to the witness, retrying while it is unavailable', async () => {
    const { url, received, server } = await witness([503, 502, 200]);

    await new TreeHeadCheckpoints({ witnessUrl: url, firstWaitMs: 1 }, logger).publish(head);
    server.close();

    expect(received).toEqual([head, head, head]);
    expect(messages).toEqual(['tree head 42 sent to the witness']);
  });

  it('logs a witness that refuses the head, without asking again or throwing', async () => {
    const { url, received, server } = await witness([400]);

    await new TreeHeadCheckpoints({ witnessUrl: url, firstWaitMs: 1 }, logger).publish(head);
    server.close();

    expect(received).toHaveLength(1);
    expect(messages).toEqual([
      expect.stringMatching(
        /^ERROR sending tree head 42 to http:\/\/127\.0\.0\.1:\d+ failed: the witness answered 400$/,
      ),
    ]);
  });

  it('logs a witness that stays down, after its retries, and still writes the file', async () => {
    const { url, received, server } = await witness([503, 503, 503]);

    await new TreeHeadCheckpoints({ directory, witnessUrl: url, retries: 2, firstWaitMs: 1 }, logger).publish(head);
    server.close();

    expect(received).toHaveLength(3);
    expect(await readdir(directory)).toEqual([checkpointFileName(head)]);
    expect(messages).toContainEqual(expect.stringContaining('the witness answered 503'));
  });

  it('logs a directory it cannot write to, without throwing', async () => {
    await new TreeHeadCheckpoints({ directory: path.join(directory, 'missing') }, logger).publish(head);

    expect(messages).toEqual([expect.stringContaining('ERROR writing tree head 42')]);
  });
});
