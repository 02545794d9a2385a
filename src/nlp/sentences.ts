// Paragraphs, sentences and clauses of a normalized article body, with their offsets in the body.
export interface Span {
  text: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?…]+[”’」』]?|[；;◀]/g;

/**
 * Sentences end at 。！？ (with a closing quote kept inside), at ；, which in news prose joins independent clauses,
 * and at ◀, which closes a run-in subheading (▶“三新”产业澎湃发展动能◀).
 */
export function sentences(body: string): Span[] {
  const out: Span[] = [];
  for (const para of paragraphs(body)) {
    let start = para.start;
    const text = para.text;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
      const end = para.start + m.index + m[0].length;
      push(out, body, start, end);
      start = end;
    }
    push(out, body, start, para.end);
  }
  return out;
}

export function paragraphs(body: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === '\n') {
      push(out, body, start, i);
      start = i + 1;
    }
  }
  return out;
}

function push(out: Span[], body: string, start: number, end: number): void {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (end > start) out.push({ text: body.slice(start, end), start, end });
}
