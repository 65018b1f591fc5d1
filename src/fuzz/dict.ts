/**
 * Fuzzing dictionaries: the libFuzzer/AFL `-dict=` file format, and dictionaries built from
 * the string and number literals of the instrumented code.
 *
 * File format (as documented by libFuzzer): one entry per line, `name="value"` or `"value"`;
 * blank lines and lines starting with `#` are ignored; inside the quotes `\\`, `\"` and
 * `\xHH` are escapes, every other byte stands for itself.
 */
import * as fs from 'node:fs';

/** A dictionary entry that could not be parsed, with its 1-based line number. */
export class DictionaryError extends Error {
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DictionaryError';
  }
}

/** Parses the text of a dictionary file; throws DictionaryError on the first bad line. */
export function parseDictionary(text: string, file = '<dict>'): Buffer[] {
  const out: Buffer[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const open = line.indexOf('"');
    if (open < 0 || line.length < open + 2 || !line.endsWith('"')) {
      throw new DictionaryError(file, i + 1, 'expected name="value" or "value"');
    }
    const name = line.slice(0, open);
    if (name !== '' && !/^[A-Za-z0-9_.-]*=\s*$/.test(name)) {
      throw new DictionaryError(file, i + 1, `bad entry name '${name}'`);
    }
    out.push(unescapeEntry(line.slice(open + 1, -1), file, i + 1));
  }
  return out;
}

function unescapeEntry(body: string, file: string, line: number): Buffer {
  const bytes: number[] = [];
  // Files are read as latin1 (one char per byte); text given in code may hold wider chars.
  const raw = /[^\x00-\xff]/.test(body) ? Buffer.from(body, 'utf8') : Buffer.from(body, 'latin1');
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== 0x5c) {
      bytes.push(c);
      continue;
    }
    const next = raw[i + 1];
    if (next === 0x5c || next === 0x22) {
      bytes.push(next);
      i++;
    } else if (next === 0x78) {
      const hex = raw.subarray(i + 2, i + 4).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new DictionaryError(file, line, 'bad \\x escape');
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      throw new DictionaryError(file, line, 'bad escape (only \\\\, \\" and \\xHH are allowed)');
    }
  }
  if (bytes.length === 0) throw new DictionaryError(file, line, 'empty entry');
  return Buffer.from(bytes);
}

/** Reads and parses a dictionary file. */
export function loadDictionary(file: string): Buffer[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'latin1');
  } catch (err) {
    throw new Error(`cannot read dictionary ${file}: ${(err as Error).message}`);
  }
  return parseDictionary(text, file);
}

/**
 * Turns code literals into dictionary entries: strings as UTF-8 (1..64 bytes), numbers in
 * their decimal text form (JS parsers mostly compare numbers parsed from text), and numbers
 * that are printable ASCII codes also as that character (`ch === 0x3C` in a hand-written
 * parser means '<').
 */
export function literalEntries(literals: ReadonlyArray<string | number>): Buffer[] {
  const out: Buffer[] = [];
  for (const l of literals) {
    if (typeof l === 'number' && Number.isInteger(l) && l >= 0x20 && l < 0x7f) out.push(Buffer.from([l]));
    const text = typeof l === 'number' ? numberText(l) : l;
    if (text === null || text.length === 0) continue;
    const b = Buffer.from(text, 'utf8');
    if (b.length <= 64) out.push(b);
  }
  return out;
}

function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // Tiny integers are already reachable by byte mutations; keep the interesting ones.
  if (Number.isInteger(n) && n >= 0 && n < 10) return null;
  return String(n);
}

/** A bounded, de-duplicated set of byte strings to splice into inputs. */
export class Dictionary {
  private readonly seen = new Set<string>();
  readonly entries: Buffer[] = [];

  constructor(readonly capacity: number) {}

  /** Adds an entry unless it is known; when full, replaces a random old entry. */
  add(entry: Buffer, randomIndex: (n: number) => number = () => -1): boolean {
    if (entry.length === 0) return false;
    const key = entry.toString('latin1');
    if (this.seen.has(key)) return false;
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
    } else {
      const i = randomIndex(this.entries.length);
      if (i < 0) return false;
      this.seen.delete(this.entries[i]!.toString('latin1'));
      this.entries[i] = entry;
    }
    this.seen.add(key);
    return true;
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.length;
  }
}
