import type { IssueInput } from "../http/errors";

export const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with a new password, in words the user can act on; empty when it is fine. */
export function passwordProblems(password: string, email: string, path = "password"): IssueInput[] {
  const problems: { en: string; ja: string }[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({
      en: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      ja: `${MIN_PASSWORD_LENGTH}文字以上にしてください`,
    });
  }
  const classes = [/[a-zA-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) {
    problems.push({
      en: "must mix letters with digits or symbols",
      ja: "英字と数字または記号を組み合わせてください",
    });
  }
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    problems.push({
      en: "must not contain your email address",
      ja: "メールアドレスを含めないでください",
    });
  }
  if (/^(.)\1+$/.test(password)) {
    problems.push({
      en: "must not repeat one character",
      ja: "同じ文字だけの繰り返しは使えません",
    });
  }
  return problems.map((p) => ({
    path,
    code: "weak_password",
    message: `The password ${p.en}`,
    messageJa: `パスワードは${p.ja}`,
  }));
}
