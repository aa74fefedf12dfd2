import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 / RFC 9162 (Certificate Transparency) over the event log: leaves
 * in the gap-safe global order, each the 32 bytes of an event's hash. Pure functions only; the
 * tables that keep the tree are in ledger-tree.ts.
 *
 * A node is a complete subtree: `level` 0 is one leaf, level L covers the 2^L leaves from
 * `index * 2^L`. Complete subtrees never change as the log grows, so they are stored once; the
 * hash of any tree size, and every proof, is folded from O(log n) of them.
 */
export interface NodeId {
  level: number;
  index: number;
}

export interface StoredNode extends NodeId {
  hash: Buffer;
}

/** A leaf range [start, end) whose Merkle Tree Hash (MTH) is one entry of a proof. */
export interface LeafRange {
  start: number;
  end: number;
}

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH of the empty tree: the hash of nothing. */
export const EMPTY_TREE_HASH = sha256();

export function leafHash(leaf: Buffer): Buffer {
  return sha256(LEAF_PREFIX, leaf);
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

// Tree indexes can pass 2^31, where JavaScript's bit operators would wrap.
const half = (value: number) => Math.floor(value / 2);
const isOdd = (value: number) => value % 2 === 1;

/** The largest power of two strictly below `size` (size > 1): where RFC 6962 splits a tree. */
export function splitPoint(size: number): number {
  let power = 1;
  while (power * 2 < size) power *= 2;
  return power;
}

/**
 * The complete subtrees that make up [start, end), largest first, as RFC 6962 splits the range.
 * `start` must be a multiple of the largest power of two not above `end - start`, which every
 * range of the RFC's recursion is.
 */
export function completeSubtrees({ start, end }: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    nodes.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return nodes;
}

export type NodeLookup = (node: NodeId) => Buffer;

/** MTH of a range from its complete subtrees: the right edge folds right to left. */
export function rangeHash(range: LeafRange, lookup: NodeLookup): Buffer {
  if (range.end === range.start) return EMPTY_TREE_HASH;
  const hashes = completeSubtrees(range).map(lookup);
  return hashes.reduceRight((right, left) => nodeHash(left, right));
}

/**
 * RFC 6962 root of a growing list of leaves, holding only its O(log n) complete subtrees: for
 * recomputing a root from a whole log, page by page, or from an export offline.
 */
export class RootAccumulator {
  private readonly stack: Array<{ level: number; hash: Buffer }> = [];
  size = 0;

  push(leaf: Buffer): void {
    this.pushLeafHash(leafHash(leaf));
  }

  /** A leaf already hashed with its 0x00 prefix, as `ledger_nodes` keeps level 0. */
  pushLeafHash(hash: Buffer): void {
    let node = { level: 0, hash };
    while (this.stack.at(-1)?.level === node.level) {
      node = { level: node.level + 1, hash: nodeHash(this.stack.pop()!.hash, node.hash) };
    }
    this.stack.push(node);
    this.size += 1;
  }

  root(): Buffer {
    if (this.size === 0) return EMPTY_TREE_HASH;
    return this.stack.map((node) => node.hash).reduceRight((right, left) => nodeHash(left, right));
  }
}

/** The nodes the tree of `size` leaves ends with, to which the next leaves are added. */
export function frontier(size: number): NodeId[] {
  return completeSubtrees({ start: 0, end: size });
}

/**
 * Adds leaves, given as their leaf hashes, to a tree of `size` leaves whose `frontier(size)`
 * hashes are `edge`. Returns the complete subtrees the new leaves make on the levels `keep`
 * accepts (every level, level 0 included, by default), and the new tree's frontier hashes.
 */
export function extendTree(
  size: number,
  edge: readonly Buffer[],
  leafHashes: readonly Buffer[],
  keep: (level: number) => boolean = () => true,
): { nodes: StoredNode[]; edge: Buffer[] } {
  const stack: StoredNode[] = frontier(size).map((node, at) => ({ ...node, hash: edge[at]! }));
  const nodes: StoredNode[] = [];
  leafHashes.forEach((leaf, offset) => {
    let node: StoredNode = { level: 0, index: size + offset, hash: leaf };
    if (keep(0)) nodes.push(node);
    while (stack.length > 0 && stack.at(-1)!.level === node.level) {
      const left = stack.pop()!;
      node = { level: node.level + 1, index: half(node.index), hash: nodeHash(left.hash, node.hash) };
      if (keep(node.level)) nodes.push(node);
    }
    stack.push(node);
  });
  return { nodes, edge: stack.map((node) => node.hash) };
}

/**
 * The levels `ledger_nodes` keeps: every third above the leaves (whose hashes `ledger_leaves`
 * keeps). Any other node folds from at most 2^(STORED_LEVEL_STRIDE - 1) kept ones below it, so
 * the tree writes about n/7 node rows for n leaves instead of n, and a proof reads at most four
 * rows where it read one.
 */
export const STORED_LEVEL_STRIDE = 3;

export const isStoredNodeLevel = (level: number): boolean => level > 0 && level % STORED_LEVEL_STRIDE === 0;

/** The kept nodes (leaves at level 0) that `node` folds from, left to right: itself if kept. */
export function storedCover(node: NodeId): NodeId[] {
  const base = node.level - (node.level % STORED_LEVEL_STRIDE);
  const width = 2 ** (node.level - base);
  return Array.from({ length: width }, (_, at) => ({ level: base, index: node.index * width + at }));
}

/** A lookup of any node from a lookup of the kept ones (`storedCover`). */
export function foldStored(stored: NodeLookup): NodeLookup {
  return (node) => {
    let hashes = storedCover(node).map(stored);
    while (hashes.length > 1) {
      hashes = Array.from({ length: hashes.length / 2 }, (_, at) => nodeHash(hashes[2 * at]!, hashes[2 * at + 1]!));
    }
    return hashes[0]!;
  };
}

/** The ranges whose MTHs prove leaf `index` is in the tree of `size` (RFC 9162 2.1.3.1), leaf upwards. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const path = (m: number, start: number, end: number): LeafRange[] => {
    if (end - start <= 1) return [];
    const k = splitPoint(end - start);
    return m < k
      ? [...path(m, start, start + k), { start: start + k, end }]
      : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(index, 0, size);
}

/** The ranges whose MTHs prove the tree of `size` extends the tree of `from` (RFC 9162 2.1.4.1). */
export function consistencyRanges(from: number, size: number): LeafRange[] {
  const subproof = (m: number, start: number, end: number, whole: boolean): LeafRange[] => {
    if (m === end - start) return whole ? [] : [{ start, end }];
    const k = splitPoint(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, whole), { start: start + k, end }]
      : [...subproof(m - k, start + k, end, false), { start, end: start + k }];
  };
  return from === 0 || from === size ? [] : subproof(from, 0, size, true);
}

/** Every node a set of ranges folds from: what to read before computing their hashes. */
export function nodesOf(ranges: readonly LeafRange[]): NodeId[] {
  return uniqueNodes(ranges.flatMap(completeSubtrees));
}

export function uniqueNodes(nodes: readonly NodeId[]): NodeId[] {
  const unique = new Map<string, NodeId>();
  for (const node of nodes) unique.set(`${node.level}/${node.index}`, node);
  return [...unique.values()];
}

/** RFC 9162 2.1.3.2: whether `proof` takes the leaf's hash at `index` to `root` of the tree of `size`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let hash = leafHash(leaf);
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hash.equals(root);
}

/** RFC 9162 2.1.4.2: whether `proof` shows the tree of `size` (`root`) extends that of `from` (`fromRoot`). */
export function verifyConsistency(
  from: number,
  size: number,
  fromRoot: Buffer,
  root: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(size) || from < 0 || from > size) return false;
  if (from === 0) return proof.length === 0 && fromRoot.equals(EMPTY_TREE_HASH);
  if (from === size) return proof.length === 0 && fromRoot.equals(root);
  const path = Number.isInteger(Math.log2(from)) ? [fromRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = from - 1;
  let sn = size - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const entry of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(entry, fr);
      sr = nodeHash(entry, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, entry);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(fromRoot) && sr.equals(root) && sn === 0;
}
