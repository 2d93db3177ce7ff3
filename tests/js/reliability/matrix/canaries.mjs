// Canary credentials: an API key, a login token and an account id that can
// only appear in a text if the package put them there. They carry characters
// that change under URL encoding ('+', '/', '='), so an encoded copy is looked
// for too. Runtime-neutral.

/** Credentials for one cell: unique per tag, so ledgers, logs and data never mix. */
export function canariesOf(provider, tag) {
  const apiKey = `CANARY+key/${tag}=`;
  const account = `CANARY+acct/${tag}=`;
  const auth = provider === "linkup-v1" ? { apiKey, loginToken: account } : { apiKey, accountId: account };
  return { apiKey, account, auth };
}

function decodedCursor(text) {
  const match = /"cursor":"([^"]*)"/.exec(text ?? "");
  if (!match) return "";
  try {
    return atob(match[1].replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return "";
  }
}

/** The forms a secret could take in a text: as is, URL-encoded, JSON-escaped. */
function formsOf(secret) {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

/**
 * `secrets`: { name: value }; `texts`: { where: text }. Returns one problem
 * line per leak ("the apiKey is in the error's stack"), without the secret.
 */
export function secretLeaks(secrets, texts) {
  const problems = [];
  const all = { ...texts };
  for (const [where, text] of Object.entries(texts)) {
    const decoded = decodedCursor(text);
    if (decoded) all[`${where} (cursor decoded)`] = decoded;
  }
  for (const [where, text] of Object.entries(all)) {
    if (typeof text !== "string" || text === "") continue;
    for (const [name, secret] of Object.entries(secrets)) {
      if (formsOf(secret).some((form) => text.includes(form))) problems.push(`the ${name} is in the ${where}`);
    }
  }
  return problems;
}
