import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from "jose";

export const TEST_GOOGLE_CLIENT_ID = "shimebi-test.apps.googleusercontent.com";

export type GoogleTestKeys = {
  keys: JWTVerifyGetKey;
  /** A Google-shaped identity token for `email`, signed by the local key. */
  idToken(
    email: string,
    claims?: Record<string, unknown>,
    /** `expiresIn: null` leaves out `exp`, as no Google token does. */
    options?: { audience?: string; expiresIn?: string | null },
  ): Promise<string>;
};

/** "1h", "-1m": seconds since the epoch, relative to `from`. */
function expiry(from: Date, relative: string): number {
  const match = /^(-?\d+)([smh])$/.exec(relative);
  if (!match) throw new Error(`unsupported expiry ${relative}`);
  const unit = { s: 1, m: 60, h: 3600 }[match[2] as "s" | "m" | "h"];
  return Math.floor(from.getTime() / 1000) + Number(match[1]) * unit;
}

/** A local key set standing in for Google's published keys: same algorithm, same claims. */
export async function googleTestKeys(
  now: () => Date = () => new Date(),
  kid = "test-key-1",
): Promise<GoogleTestKeys> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    idToken: (email, claims = {}, options = {}) => {
      const jwt = new SignJWT({ email, email_verified: true, ...claims })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer("https://accounts.google.com")
        .setAudience(options.audience ?? TEST_GOOGLE_CLIENT_ID)
        .setSubject(`google-${email}`)
        .setIssuedAt(now());
      if (options.expiresIn !== null)
        jwt.setExpirationTime(expiry(now(), options.expiresIn ?? "1h"));
      return jwt.sign(privateKey);
    },
  };
}
