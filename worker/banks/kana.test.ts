import { describe, expect, it } from "vitest";
import {
  asciiDigits,
  halfWidthKatakana,
  hiraganaToKatakana,
  largeKana,
  looseKana,
  romajiToKatakana,
  searchKey,
  toZenginName,
} from "./kana";

describe("kana folding", () => {
  it("turns hiragana into katakana and leaves the rest", () => {
    expect(hiraganaToKatakana("たなか みさき ABC 田中")).toBe("タナカ ミサキ ABC 田中");
  });

  it("makes small kana large, as Zengin names are written", () => {
    expect(largeKana("キョウト ッ ァ ヵ")).toBe("キヨウト ツ ア カ");
  });

  it("writes full-width katakana half-width, splitting voiced marks", () => {
    expect(halfWidthKatakana("タナカ ミサキ")).toBe("ﾀﾅｶ ﾐｻｷ");
    expect(halfWidthKatakana("ガッポ ヴ ヲ ン")).toBe("ｶﾞｯﾎﾟ ｳﾞ ｦ ﾝ");
    expect(halfWidthKatakana("ABC 123")).toBe("ABC 123");
    // Every plain katakana has its half-width form: none is left full-width.
    const all =
      "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
    expect(halfWidthKatakana(all)).toMatch(/^[\uFF66-\uFF9D]{46}$/);
  });

  it("reads digits of either width", () => {
    expect(asciiDigits(" ０１２３４５６ ")).toBe("0123456");
    expect(asciiDigits("12-34")).toBe("12-34");
  });

  it("gives one search key for every way of writing a name", () => {
    const key = searchKey("ミズホ");
    for (const typed of ["みずほ", "ﾐｽﾞﾎ", "ミ ズ ホ"]) expect(searchKey(typed)).toBe(key);
    expect(searchKey("ユーエフジェイ")).toBe(searchKey("ユ－エフジエイ"));
    expect(searchKey("ｐａｙｐａｙ")).toBe("PAYPAY");
  });

  it("drops long vowels for loose matching", () => {
    expect(looseKana("トウキヨウ")).toBe("トキヨ");
    expect(looseKana("オオサカ")).toBe("オサカ");
    expect(looseKana("ケイオウ")).toBe("ケオ");
    expect(looseKana("ウエノ")).toBe("ウエノ");
  });
});

describe("romajiToKatakana", () => {
  it.each([
    ["mizuho", "ミズホ"],
    ["toukyou", "トウキョウ"],
    ["shinjuku", "シンジュク"],
    ["sinjuku", "シンジュク"],
    ["hokkaido", "ホッカイド"],
    ["honten", "ホンテン"],
    ["kan'ei", "カンエイ"],
    ["tsukidi", "ツキヂ"],
    ["Rakuten", "ラクテン"],
  ])("%s -> %s", (romaji, kana) => {
    expect(romajiToKatakana(romaji)).toBe(kana);
  });

  it("drops a syllable still being typed", () => {
    expect(romajiToKatakana("mizuh")).toBe("ミズ");
    expect(romajiToKatakana("shinjuk")).toBe("シンジュ");
  });

  it("says undefined for what is not romaji", () => {
    expect(romajiToKatakana("ufj")).toBeUndefined();
    expect(romajiToKatakana("0001")).toBeUndefined();
    expect(romajiToKatakana("みずほ")).toBeUndefined();
    expect(romajiToKatakana("")).toBeUndefined();
  });
});

describe("toZenginName", () => {
  it.each([
    ["タナカ ミサキ", "ﾀﾅｶ ﾐｻｷ"],
    ["たなか　みさき", "ﾀﾅｶ ﾐｻｷ"],
    ["  ﾀﾅｶ   ﾐｻｷ ", "ﾀﾅｶ ﾐｻｷ"],
    ["キョウコ", "ｷﾖｳｺ"],
    ["ボー", "ﾎﾞ-"],
    ["ジョン・スミス", "ｼﾞﾖﾝ.ｽﾐｽ"],
    ["tanaka misaki", "TANAKA MISAKI"],
    ["ｶ)ｼﾒﾋﾞ", "ｶ)ｼﾒﾋﾞ"],
    ["カ）シメビ（ケイリ", "ｶ)ｼﾒﾋﾞ(ｹｲﾘ"],
    ["ＡＢＣ／１２３", "ABC/123"],
  ])("%s -> %s", (typed, stored) => {
    expect(toZenginName(typed)).toEqual({ ok: true, value: stored });
  });

  it("refuses kanji and says to write kana", () => {
    const result = toZenginName("田中 美咲");
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining("not in kanji"),
      messageJa: expect.stringContaining("漢字ではなく"),
    });
  });

  it("names the characters a transfer cannot carry", () => {
    expect(toZenginName("ﾀﾅｶ@ﾐｻｷ!")).toEqual({
      ok: false,
      message: "A bank transfer cannot carry @ !: use kana, A-Z, 0-9, spaces and ( ) . - /",
      messageJa:
        "振込に使えない文字があります（@ !）。カナ・英大文字・数字・スペース・( ) . - / で入力してください",
    });
    expect(toZenginName("   ")).toEqual({
      ok: false,
      message: expect.stringContaining("kana"),
      messageJa: "口座名義をカナで入力してください",
    });
  });
});
