const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomPart(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

function freshId(prefix: string, taken: Iterable<string>, length: number): string {
  const used = new Set(taken);
  for (;;) {
    const id = `${prefix}_${randomPart(length)}`;
    if (!used.has(id)) return id;
  }
}

/**
 * Stable ids of flow elements: random, never derived from names, so renaming a node changes
 * no reference. Nodes `n_<8>`, edges `e_<8>`, condition branches `b_<6>` (also the edge's
 * `sourceHandle`).
 *
 * @example newNodeId(def.nodes.map((n) => n.id)) // 'n_k3x9q0ab'
 */
export function newNodeId(taken: Iterable<string> = []): string {
  return freshId('n', taken, 8);
}

/** A new edge id (`e_<8>`), unique among `taken`. */
export function newEdgeId(taken: Iterable<string> = []): string {
  return freshId('e', taken, 8);
}

/** A new branch id (`b_<6>`), unique among `taken`. */
export function newBranchId(taken: Iterable<string> = []): string {
  return freshId('b', taken, 6);
}
