import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, randomToken, sha256Hex, verifyPassword } from "./crypto";

describe("passwords", () => {
  it("verifies the password it hashed and no other, with a salt per hash", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith(`pbkdf2-sha256$${PBKDF2_ITERATIONS}$`)).toBe(true);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await hashPassword("correct horse battery")).not.toBe(stored);
  });

  it("refuses a stored value it does not understand", async () => {
    expect(await verifyPassword("x", "plain$x")).toBe(false);
  });
});

describe("tokens", () => {
  it("are random and hash to hex", async () => {
    expect(randomToken()).not.toBe(randomToken());
    expect(randomToken()).toMatch(/^[\w-]{43}$/);
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
