/**
 * The 6,763 hanzi of GB 2312 (levels 1 and 2), decoded from their code points with the platform's GB 18030
 * decoder: they cover well over 99% of the characters of any mainland government text. A text layer whose
 * ideographs mostly fall outside them is a CID font decoded through the wrong map, not Chinese.
 */
let common: ReadonlySet<string> | undefined;

export function commonHanzi(): ReadonlySet<string> {
  if (common) return common;
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let col = 0xa1; col <= 0xfe; col++) bytes.push(row, col);
  const text = new TextDecoder("gb18030").decode(new Uint8Array(bytes));
  common = new Set([...text].filter((ch) => /\p{Script=Han}/u.test(ch)));
  return common;
}
