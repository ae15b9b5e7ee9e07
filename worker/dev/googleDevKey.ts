import { createLocalJWKSet, importJWK, type JWK, type JWTVerifyGetKey, SignJWT } from "jose";
import devKey from "./google-dev-key.json" with { type: "json" };

// A published, dev-only signing key that stands in for Google on `npm start`, so anyone can
// sign in "with Google" locally (npm run dev:id-token). It is trusted only when NODE_ENV is
// not production, and never by the Worker: production trusts Google's keys alone.

export const DEV_GOOGLE_CLIENT_ID = "shimebi-dev.apps.googleusercontent.com";
const privateJwk = devKey as JWK;
const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;

/** Google's keys, plus the dev key for tokens that name its key id. */
export function withDevGoogleKey(google: JWTVerifyGetKey): JWTVerifyGetKey {
  const local = createLocalJWKSet({ keys: [publicJwk] });
  return (header, token) =>
    header.kid === privateJwk.kid ? local(header, token) : google(header, token);
}

/** A Google-shaped identity token for `email`, signed with the dev key, valid one hour. */
export async function devIdToken(email: string, now = new Date()): Promise<string> {
  const key = await importJWK(privateJwk, "RS256");
  const seconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({ email: email.toLowerCase(), email_verified: true })
    .setProtectedHeader({ alg: "RS256", kid: privateJwk.kid, typ: "JWT" })
    .setIssuer("https://accounts.google.com")
    .setAudience(DEV_GOOGLE_CLIENT_ID)
    .setSubject(`dev-${email.toLowerCase()}`)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + 3600)
    .sign(key);
}
