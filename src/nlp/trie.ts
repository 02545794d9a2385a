// A character trie for dictionary look-ups: at each position, the longest entry that starts there.
// Gazetteers hold thousands of names; a trie finds them in one pass where a regex alternation would not.
// Keys are walked by UTF-16 code unit on insert and look-up alike, so offsets are the string offsets the rest of the
// code uses, and a name with a character outside the BMP (𠀾, two code units) is found like any other.
export class Trie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };

  constructor(entries: Iterable<[string, V]> = []) {
    for (const [key, value] of entries) this.set(key, value);
  }

  set(key: string, value: V): void {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const ch = key[i] as string;
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.value = value;
  }

  /** The longest entry starting at `start`, or null. */
  longestAt(text: string, start: number): { key: string; value: V; end: number } | null {
    let node: TrieNode<V> | undefined = this.root;
    let bestEnd = -1;
    let bestValue: V | undefined;
    for (let i = start; i < text.length && node; i++) {
      node = node.next.get(text[i]!);
      if (node?.value !== undefined) {
        bestEnd = i + 1;
        bestValue = node.value;
      }
    }
    return bestEnd < 0 ? null : { key: text.slice(start, bestEnd), value: bestValue as V, end: bestEnd };
  }

  /** Every non-overlapping longest match, scanning left to right. */
  scan(text: string): Array<{ key: string; value: V; start: number; end: number }> {
    const found: Array<{ key: string; value: V; start: number; end: number }> = [];
    for (let i = 0; i < text.length; ) {
      const m = this.longestAt(text, i);
      if (m) {
        found.push({ ...m, start: i });
        i = m.end;
      } else i++;
    }
    return found;
  }
}

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  value?: V;
}
