/**
 * Edits recorded during the walk and handed to magic-string in offset order.
 *
 * magic-string finds the chunk to split by walking from the last edit it made, so edits that
 * jump back and forth (a function's closing text, then its first statement) cost time in
 * proportion to the distance. The walk records its edits here instead; `applyTo` replays
 * them sorted by offset, keeping their order at equal offsets, which gives the same text
 * as applying them directly.
 */
import type MagicString from 'magic-string';

const APPEND_RIGHT = 0;
/** Text that starts with a character that can continue a name. */
const NAME_START = /^[\p{ID_Continue}$\u200c\u200d]/u;
/** Text that ends with a character of a name (or keyword). */
const NAME_END = /[\p{ID_Continue}$\u200c\u200d]$/u;
const PREPEND_LEFT = 1;
const UPDATE = 2;

/** The edits the walk makes, with magic-string's meaning. */
export class EditBuffer {
  private readonly kinds: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];

  /** Inserts `text` at `at`, attached to what follows (after earlier appendRight at `at`). */
  appendRight(at: number, text: string): void {
    this.push(APPEND_RIGHT, at, at, text);
  }

  /** Inserts `text` at `at`, attached to what precedes (before earlier prependLeft at `at`). */
  prependLeft(at: number, text: string): void {
    this.push(PREPEND_LEFT, at, at, text);
  }

  /** Replaces the original text in [start, end) with `text`. */
  update(start: number, end: number, text: string): void {
    this.push(UPDATE, start, end, text);
  }

  private push(kind: number, start: number, end: number, text: string): void {
    this.kinds.push(kind);
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  }

  /**
   * Applies every edit to `ms` in offset order. Minified code puts expressions right after
   * keywords (`return"a"===e`), so text that starts with a name character and lands right
   * after one (`return` + `P.q0(`) gets a space in front, or the two would fuse into one name.
   */
  applyTo(ms: MagicString, source: string): void {
    const order = Array.from(this.starts, (_, i) => i);
    const starts = this.starts;
    order.sort((a, b) => starts[a]! - starts[b]! || a - b);
    let lastAppend = -1;
    for (const i of order) {
      const at = starts[i]!;
      let text = this.texts[i]!;
      if (this.kinds[i] === APPEND_RIGHT && at !== lastAppend) {
        lastAppend = at;
        if (NAME_START.test(text) && NAME_END.test(source.slice(Math.max(0, at - 2), at))) text = ` ${text}`;
      }
      switch (this.kinds[i]) {
        case APPEND_RIGHT:
          ms.appendRight(at, text);
          break;
        case PREPEND_LEFT:
          ms.prependLeft(at, text);
          break;
        default:
          ms.update(at, this.ends[i]!, text);
      }
    }
  }
}
