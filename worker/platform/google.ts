import { errors, jwtVerify } from "jose";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";

const ISSUERS = ["https://accounts.google.com", "accounts.google.com"];

/** A JWT rather than one of our opaque tokens: three base64url parts. */
export function looksLikeJwt(token: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);
}

/**
 * The verified email of a Google identity token (the add-on's `ScriptApp.getIdentityToken()`),
 * checked against Google's published keys, issuer, our client ids and expiry.
 */
export async function verifyGoogleIdToken(
  deps: Pick<Deps, "googleKeys" | "config" | "now">,
  token: string,
): Promise<{ email: string; subject: string; name?: string }> {
  if (deps.config.googleClientIds.length === 0) {
    throw new ApiError(
      401,
      "google_not_configured",
      "Sign-in with Google is not configured on this server",
    );
  }
  try {
    const { payload } = await jwtVerify(token, deps.googleKeys, {
      issuer: ISSUERS,
      audience: deps.config.googleClientIds,
      currentDate: deps.now(),
      // A token without an expiry would be good forever: Google's always carry exp and iat.
      requiredClaims: ["exp", "iat", "sub"],
    });
    if (typeof payload.email !== "string" || payload.email_verified !== true || !payload.sub) {
      throw new ApiError(
        401,
        "google_email_unverified",
        "The Google account's email address is not verified",
      );
    }
    const name = typeof payload.name === "string" ? payload.name : undefined;
    return { email: payload.email.toLowerCase(), subject: payload.sub, name };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new ApiError(
        401,
        "token_expired",
        "The Google identity token has expired; sign in again",
      );
    }
    if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
      throw new ApiError(401, "invalid_token", "The Google identity token is not valid");
    }
    throw new ApiError(503, "google_unreachable", "Google's keys could not be fetched; try again");
  }
}
