import { createHash } from 'node:crypto';
import {
  completeSubtrees,
  consistencyRanges,
  EMPTY_TREE_HASH,
  extendTree,
  foldStored,
  frontier,
  inclusionRanges,
  isStoredNodeLevel,
  leafHash,
  type LeafRange,
  nodeHash,
  type NodeId,
  rangeHash,
  storedCover,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

/** MTH straight from RFC 6962 section 2.1, on the leaves themselves. */
function naiveRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leafHash(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

/** PATH(m, D[n]) of RFC 6962 2.1.1, on the leaves themselves. */
function naivePath(m: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...naivePath(m, leaves.slice(0, k)), naiveRoot(leaves.slice(k))]
    : [...naivePath(m - k, leaves.slice(k)), naiveRoot(leaves.slice(0, k))];
}

/** PROOF(m, D[n]) of RFC 6962 2.1.2, on the leaves themselves. */
function naiveConsistency(m: number, leaves: readonly Buffer[], whole = true): Buffer[] {
  if (m === leaves.length) return whole ? [] : [naiveRoot(leaves)];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m <= k
    ? [...naiveConsistency(m, leaves.slice(0, k), whole), naiveRoot(leaves.slice(k))]
    : [...naiveConsistency(m - k, leaves.slice(k), false), naiveRoot(leaves.slice(0, k))];
}

const leaves = Array.from({ length: 70 }, (_, at) => createHash('sha256').update(`event ${at}`).digest());

/**
 * A tree built leaf by leaf in uneven batches, as the ledger builds it, as a node lookup: with
 * every node kept, or `thin`, only the leaves and the kept levels, each batch continuing from the
 * frontier the one before returned (as the ledger's process does) or read from the kept nodes.
 */
function builtTree(count: number, { thin = false } = {}) {
  const nodes = new Map<string, Buffer>();
  const key = (node: NodeId) => `${node.level}/${node.index}`;
  const stored = (node: NodeId) => {
    const hash = nodes.get(key(node));
    if (!hash) throw new Error(`node ${key(node)} was never made`);
    return hash;
  };
  const lookup = thin ? foldStored(stored) : stored;
  const keep = thin ? (level: number) => level === 0 || isStoredNodeLevel(level) : undefined;
  let size = 0;
  let edge: Buffer[] = [];
  for (const [at, batch] of [1, 2, 5, 1, 13, 30, 18].entries()) {
    const next = leaves.slice(size, Math.min(count, size + batch)).map(leafHash);
    const from = at % 2 === 0 ? frontier(size).map(lookup) : edge;
    const made = extendTree(size, from, next, keep);
    for (const node of made.nodes) nodes.set(key(node), node.hash);
    edge = made.edge;
    size += next.length;
  }
  return lookup;
}

// Past a power of two on both sides; the naive recomputation is quadratic, so no further.
const EXHAUSTIVE_UP_TO = 34;

const hashesOf = (ranges: LeafRange[], lookup: (node: NodeId) => Buffer) =>
  ranges.map((range) => rangeHash(range, lookup));

describe('the RFC 6962 Merkle tree', () => {
  it('hashes the RFC 6962 reference inputs to the published roots', () => {
    const inputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    const data = inputs.map((hex) => Buffer.from(hex, 'hex'));

    expect(EMPTY_TREE_HASH.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    roots.forEach((root, at) => expect(naiveRoot(data.slice(0, at + 1)).toString('hex')).toBe(root));
  });

  it('keeps, in complete subtrees made batch by batch, the root of every size', () => {
    const lookup = builtTree(leaves.length);

    for (let size = 0; size <= leaves.length; size += 1) {
      expect(rangeHash({ start: 0, end: size }, lookup)).toEqual(naiveRoot(leaves.slice(0, size)));
    }
  });

  it('keeps the same roots with only every third level stored, and reads at most four rows a node', () => {
    const full = builtTree(leaves.length);
    const thin = builtTree(leaves.length, { thin: true });

    for (let size = 0; size <= leaves.length; size += 1) {
      expect(rangeHash({ start: 0, end: size }, thin)).toEqual(rangeHash({ start: 0, end: size }, full));
    }
    expect(storedCover({ level: 5, index: 3 })).toEqual([12, 13, 14, 15].map((index) => ({ level: 3, index })));
    expect(storedCover({ level: 6, index: 3 })).toEqual([{ level: 6, index: 3 }]);
    expect(storedCover({ level: 1, index: 3 })).toEqual([6, 7].map((index) => ({ level: 0, index })));
  });

  it('folds a proof from O(log n) stored nodes', () => {
    expect(completeSubtrees({ start: 0, end: 1_000_000 })).toHaveLength(7);
    expect(frontier(1_000_000).map((node) => node.level)).toEqual([19, 18, 17, 16, 14, 9, 6]);
  });

  it.each([
    ['every node', false],
    ['every third level', true],
  ])('proves the inclusion of every leaf in every tree size, as the RFC defines the path (%s kept)', (_, thin) => {
    const lookup = builtTree(leaves.length, { thin });

    for (let size = 1; size <= EXHAUSTIVE_UP_TO; size += 1) {
      const root = naiveRoot(leaves.slice(0, size));
      for (let index = 0; index < size; index += 1) {
        const proof = hashesOf(inclusionRanges(index, size), lookup);

        expect(proof).toEqual(naivePath(index, leaves.slice(0, size)));
        expect(verifyInclusion(index, size, leaves[index]!, proof, root)).toBe(true);
      }
    }
  });

  it('proves every tree size consistent with every later one, as the RFC defines the proof', () => {
    const lookup = builtTree(leaves.length);

    for (let size = 1; size <= EXHAUSTIVE_UP_TO; size += 1) {
      const root = naiveRoot(leaves.slice(0, size));
      for (let from = 1; from <= size; from += 1) {
        const proof = hashesOf(consistencyRanges(from, size), lookup);

        expect(proof).toEqual(naiveConsistency(from, leaves.slice(0, size)));
        expect(verifyConsistency(from, size, naiveRoot(leaves.slice(0, from)), root, proof)).toBe(true);
      }
    }
  });

  describe('refuses', () => {
    const lookup = builtTree(leaves.length);
    const root = (size: number) => naiveRoot(leaves.slice(0, size));
    const inclusion = (index: number, size: number) => hashesOf(inclusionRanges(index, size), lookup);
    const consistency = (from: number, size: number) => hashesOf(consistencyRanges(from, size), lookup);

    it('another leaf, another index, a changed proof, a shortened proof, or a leaf beyond the tree', () => {
      const proof = inclusion(21, 45);

      expect(verifyInclusion(21, 45, leaves[22]!, proof, root(45))).toBe(false);
      expect(verifyInclusion(22, 45, leaves[21]!, proof, root(45))).toBe(false);
      expect(verifyInclusion(21, 45, leaves[21]!, [leaves[0]!, ...proof.slice(1)], root(45))).toBe(false);
      expect(verifyInclusion(21, 45, leaves[21]!, proof.slice(0, -1), root(45))).toBe(false);
      expect(verifyInclusion(45, 45, leaves[45]!, proof, root(45))).toBe(false);
    });

    it('a rewritten history: the later tree holds one leaf changed or two leaves swapped', () => {
      const rewritten = [...leaves.slice(0, 60)];
      rewritten[7] = createHash('sha256').update('rewritten').digest();
      const swapped = [...leaves.slice(0, 60)];
      [swapped[30], swapped[31]] = [swapped[31]!, swapped[30]!];

      for (const later of [rewritten, swapped]) {
        const forged = naiveConsistency(40, later);
        expect(verifyConsistency(40, 60, root(40), naiveRoot(later), forged)).toBe(false);
      }
      expect(verifyConsistency(40, 60, root(40), root(60), consistency(40, 60))).toBe(true);
    });

    it('a cut tail: a smaller tree is not consistent with a larger one that came before', () => {
      expect(verifyConsistency(50, 40, root(50), root(40), consistency(40, 50))).toBe(false);
      expect(verifyConsistency(40, 50, root(40), root(49), consistency(40, 50))).toBe(false);
    });

    it('a proof for equal sizes that is not empty, or equal sizes whose roots differ', () => {
      expect(verifyConsistency(32, 32, root(32), root(32), [])).toBe(true);
      expect(verifyConsistency(32, 32, root(32), root(32), [root(1)])).toBe(false);
      expect(verifyConsistency(32, 32, root(32), root(31), [])).toBe(false);
    });
  });
});
