/**
 * A fixed-size filter of strings (a Bloom filter): "no" means the string was never added,
 * "maybe" means it may have been. An import asks it before looking a contact key or a name up
 * in the library, so the rows that match nothing (nearly all of them) cost no query, while its
 * memory stays the same whatever the size of the file or the library.
 */

export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /**
   * 2^bitsLog2 bits set by `hashes` hashes each: the default, a megabyte and 3, keeps false
   * "maybe"s under 1 in 1,000 up to 300,000 strings.
   */
  constructor(
    bitsLog2 = 23,
    private readonly hashes = 3,
  ) {
    this.bits = new Uint32Array(2 ** (bitsLog2 - 5));
    this.mask = 2 ** bitsLog2 - 1;
  }

  add(s: string): void {
    const [a, b] = hashesOf(s);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (a + i * b) & this.mask;
      const word = bit >>> 5;
      this.bits[word] = this.bits[word]! | (1 << (bit & 31));
    }
  }

  mightHave(s: string): boolean {
    const [a, b] = hashesOf(s);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (a + i * b) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit FNV-1a hashes of the UTF-16 code units (the second one odd, so steps never repeat early). */
function hashesOf(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
