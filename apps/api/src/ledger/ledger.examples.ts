/** Response examples for the OpenAPI document: what an auditor's tools receive. */
export const treeHeadExample = {
  treeSize: 1024,
  rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  issuedAt: '2026-03-02T08:00:00.000Z',
  keyId: '3f9a1c0b7e2d4a56',
  signature: 'mC1yZg0lq3m5c7oX8t0K3wq9b1r1kV5a6s9f0Jx3m2e4p6u8w0y2A4C6E8G0I2K4M6O8Q0S2U4W6Y8a0c2e4g==',
};

export const treeHeadsPageExample = { items: [treeHeadExample], nextCursor: null };

export const inclusionProofExample = {
  eventId: '0b6f3f0e-5a1c-4d7e-9a51-2f1f4f0f6a10',
  eventHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  leafIndex: 1000,
  treeSize: 1024,
  rootHash: treeHeadExample.rootHash,
  proof: [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  ],
};

export const consistencyProofExample = {
  from: 1000,
  to: 1024,
  fromRootHash: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  toRootHash: treeHeadExample.rootHash,
  proof: ['4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4'],
};

export const publicKeyExample = {
  algorithm: 'Ed25519',
  keyId: treeHeadExample.keyId,
  publicKey:
    '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA0m3Sk3Q2Xw9p1rPq8mX3m0Jm3cQ2v7c8b4v0gYk2t6c=\n-----END PUBLIC KEY-----\n',
  signs:
    'RFC 6962 TreeHeadSignature: version 0, signature type 1, timestamp (uint64 ms), tree size (uint64), root hash (32 bytes)',
};
