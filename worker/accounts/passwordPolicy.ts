import type { IssueBody } from "../http/errors";

export const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with a new password, in words the user can act on; empty when it is fine. */
export function passwordProblems(password: string, email: string, path = "password"): IssueBody[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const classes = [/[a-zA-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) problems.push("must mix letters with digits or symbols");
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    problems.push("must not contain your email address");
  }
  if (/^(.)\1+$/.test(password)) problems.push("must not repeat one character");
  return problems.map((p) => ({ path, code: "weak_password", message: `The password ${p}` }));
}
