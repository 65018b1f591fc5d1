/**
 * Offsets to positions. oxc-parser reports UTF-16 offsets; the block table wants lines
 * 1-based and columns 0-based in UTF-16 code units. Lines end at `\n` (so `\r\n` works too),
 * the same rule source maps use.
 */

/** Converts UTF-16 offsets of one text into line/column pairs. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of `offset`. */
  line(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based line and 0-based column of `offset`. */
  position(offset: number): [line: number, col: number] {
    const line = this.line(offset);
    return [line, offset - this.starts[line - 1]!];
  }
}
