// Web Crypto only: credentials sealed with AES-GCM under the CREDENTIALS_KEY
// secret (the row's id and provider as additional data, so a ciphertext
// copied to another row does not open), webhook bodies signed with
// HMAC-SHA256, bearer tokens compared in constant time.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes) {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

const toHex = (bytes) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

async function aesKey(env) {
  if (!env.CREDENTIALS_KEY) throw new Error("the CREDENTIALS_KEY secret is not set");
  const raw = fromBase64(env.CREDENTIALS_KEY);
  if (raw.length !== 32) throw new Error("CREDENTIALS_KEY must be base64 of 32 bytes");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

const boundTo = (accountId, provider, purpose) => encoder.encode(`${purpose}\u0000${accountId}\u0000${provider}`);

/** base64(iv || AES-GCM(JSON of value)), bound to the account row. */
export async function seal(env, { accountId, provider, purpose }, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = boundTo(accountId, provider, purpose);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, await aesKey(env), encoder.encode(JSON.stringify(value)));
  const out = new Uint8Array(iv.length + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), iv.length);
  return toBase64(out);
}

/** The value `seal` sealed; throws (without the value) when the key, row or text is wrong. */
export async function open(env, { accountId, provider, purpose }, text) {
  const bytes = fromBase64(text);
  const additionalData = boundTo(accountId, provider, purpose);
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12), additionalData }, await aesKey(env), bytes.slice(12));
    return JSON.parse(decoder.decode(plain));
  } catch {
    throw new Error(`the sealed ${purpose} of this account do not open with CREDENTIALS_KEY`);
  }
}

/** The credentials of an account row: sealed in its column, or named Worker secret. */
export async function credentialsOf(env, account) {
  if (account.credentials_secret) {
    const text = env[account.credentials_secret];
    if (typeof text !== "string") throw new Error("the account's credentials secret is not set");
    return JSON.parse(text);
  }
  return open(env, { accountId: account.id, provider: account.provider, purpose: "credentials" }, account.credentials);
}

/** `sha256=<hex>` of HMAC-SHA256(secret, body): the X-Signature header. */
export async function signature(secret, body) {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return `sha256=${toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(body)))}`;
}

/** Hex SHA-256 of the parts, NUL-separated (the change ids). */
export async function digest(...parts) {
  return toHex(await crypto.subtle.digest("SHA-256", encoder.encode(parts.join("\u0000"))));
}

/** Constant-time equality of two strings (compares their SHA-256 digests). */
export async function sameSecret(given, expected) {
  if (typeof given !== "string" || typeof expected !== "string" || expected === "") return false;
  const [a, b] = await Promise.all([given, expected].map((text) => crypto.subtle.digest("SHA-256", encoder.encode(text))));
  if (crypto.subtle.timingSafeEqual) return crypto.subtle.timingSafeEqual(a, b);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = 0;
  for (let index = 0; index < x.length; index += 1) diff |= x[index] ^ y[index];
  return diff === 0;
}
