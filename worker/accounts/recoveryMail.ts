import type { Locale } from "../http/locale";
import { localeFrom } from "../http/locale";

// The mails of account recovery, each in the reader's language: Japanese unless the request
// that caused it prefers English (the account keeps no language of its own).

export type RecoveryMail = { subject: string; text: string };

export const mailLocale = (acceptLanguage: string | undefined): Locale =>
  acceptLanguage ? localeFrom(acceptLanguage) : "ja";

const IGNORE = {
  ja: "お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。",
  en: "If you did not ask for this, ignore this mail: your password stays as it is.",
};

export function passwordResetMail(locale: Locale, link: string, hours: number): RecoveryMail {
  if (locale === "en") {
    return {
      subject: "[Shimebi] Reset your password",
      text: [
        "Someone (we hope you) asked to reset the password of your Shimebi account.",
        "Choose a new password here:",
        "",
        link,
        "",
        `The link works once, for ${hours} hour${hours === 1 ? "" : "s"}. Resetting signs you out everywhere.`,
        IGNORE.en,
      ].join("\n"),
    };
  }
  return {
    subject: "[Shimebi] パスワードの再設定",
    text: [
      "Shimebi アカウントのパスワード再設定のご依頼を受け付けました。",
      "次のリンクから新しいパスワードを設定してください:",
      "",
      link,
      "",
      `このリンクは1回限り、${hours}時間有効です。再設定すると、すべての端末からサインアウトされます。`,
      IGNORE.ja,
    ].join("\n"),
  };
}

export function passwordChangedMail(locale: Locale, revokedSessions: number): RecoveryMail {
  if (locale === "en") {
    return {
      subject: "[Shimebi] Your password was changed",
      text: [
        "The password of your Shimebi account was reset through the link we mailed.",
        `${revokedSessions} session(s) were signed out; API tokens were kept: review them in your account settings.`,
        "If this was not you, reset your password again at once and revoke your API tokens.",
      ].join("\n"),
    };
  }
  return {
    subject: "[Shimebi] パスワードが変更されました",
    text: [
      "メールでお送りしたリンクから、Shimebi アカウントのパスワードが再設定されました。",
      `${revokedSessions}件のセッションをサインアウトしました。API トークンはそのまま有効です。アカウント設定でご確認ください。`,
      "お心当たりがない場合は、すぐにパスワードを再設定し、API トークンを無効にしてください。",
    ].join("\n"),
  };
}

export function emailChangeConfirmMail(
  locale: Locale,
  link: string,
  hours: number,
  oldEmail: string,
): RecoveryMail {
  if (locale === "en") {
    return {
      subject: "[Shimebi] Confirm your new email address",
      text: [
        `The Shimebi account ${oldEmail} asked to use this address from now on.`,
        "Confirm it here; until you do, nothing changes:",
        "",
        link,
        "",
        `The link works once, for ${hours} hours.`,
      ].join("\n"),
    };
  }
  return {
    subject: "[Shimebi] 新しいメールアドレスの確認",
    text: [
      `Shimebi アカウント ${oldEmail} から、今後このメールアドレスを使うご依頼を受け付けました。`,
      "次のリンクから確認してください。確認が済むまで、メールアドレスは変更されません:",
      "",
      link,
      "",
      `このリンクは1回限り、${hours}時間有効です。`,
    ].join("\n"),
  };
}

export function emailChangeNoticeMail(locale: Locale, newEmail: string): RecoveryMail {
  if (locale === "en") {
    return {
      subject: "[Shimebi] A change of your email address was requested",
      text: [
        `Your Shimebi account asked to change its email address to ${newEmail}.`,
        "It changes only when the link mailed to that address is used.",
        "If this was not you, sign out everywhere and reset your password.",
      ].join("\n"),
    };
  }
  return {
    subject: "[Shimebi] メールアドレス変更のご依頼",
    text: [
      `Shimebi アカウントのメールアドレスを ${newEmail} に変更するご依頼を受け付けました。`,
      "新しいメールアドレスに送ったリンクが使われた時点で変更されます。",
      "お心当たりがない場合は、すべての端末からサインアウトし、パスワードを再設定してください。",
    ].join("\n"),
  };
}

export function emailChangedMail(locale: Locale, newEmail: string): RecoveryMail {
  if (locale === "en") {
    return {
      subject: "[Shimebi] Your email address was changed",
      text: [
        `Your Shimebi account now uses ${newEmail}; this address no longer signs in.`,
        "If this was not you, contact your company's Shimebi owner at once.",
      ].join("\n"),
    };
  }
  return {
    subject: "[Shimebi] メールアドレスが変更されました",
    text: [
      `Shimebi アカウントのメールアドレスは ${newEmail} に変更されました。このアドレスではサインインできません。`,
      "お心当たりがない場合は、すぐに会社の Shimebi 管理者にご連絡ください。",
    ].join("\n"),
  };
}
