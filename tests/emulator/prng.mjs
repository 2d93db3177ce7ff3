// Seeded randomness. Every generated item draws from its own stream, keyed by
// (seed, stream name, index), so item N can be built without building items
// 0..N-1: that is what keeps a 100,000-item list lazy and the data identical
// whatever order the lists are first read in. Never Math.random.

/** Murmur3's 32-bit finalizer: spreads every input bit over the output. */
export function mix32(value) {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a string (FNV-1a, then mixed) to 32 bits. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return mix32(h);
}

/** Turns the user's seed (number or string) into 32 bits. */
export function normalizeSeed(seed) {
  if (typeof seed === "number" && Number.isFinite(seed)) return mix32(Math.trunc(seed) ^ 0x5eed);
  return hashString(String(seed ?? 1));
}

/** mulberry32: a small, fast generator returning floats in [0, 1). */
export function mulberry32(seed32) {
  let state = seed32 >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 32-bit seed of stream `streamName`, item `index`. */
export function seedFor(seed32, streamName, index) {
  return mix32(seed32 ^ hashString(streamName)) ^ mix32(index + 0x9e3779b9);
}

/** A random source for one item: `rng.int(n)`, `rng.pick(list)`, `rng.chance(p)`. */
export function streamFor(seed32, streamName, index) {
  const next = mulberry32(seedFor(seed32, streamName, index));
  return {
    next,
    int: (bound) => Math.floor(next() * bound),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (probability) => next() < probability,
    weighted(weights) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let roll = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        roll -= weights[i];
        if (roll < 0) return i;
      }
      return weights.length - 1;
    },
    chars(alphabet, length) {
      // One string built from char codes: a loop of `+=` leaves a chain of
      // one-character strings that the garbage collector then has to walk.
      const codes = new Array(length);
      for (let i = 0; i < length; i += 1) codes[i] = alphabet.charCodeAt(Math.floor(next() * alphabet.length));
      return String.fromCharCode(...codes);
    },
  };
}

export const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
