// The shared names of src/names.ts against what the code produces and shows: every relation of the seeds carries a
// rule listed for its type, every node of graph.json a known label with an `Article:` id for articles, and the viewer
// styles exactly the labels and relation types there are.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLE_ID_PREFIX,
  ARTICLE_LABEL,
  NODE_LABELS,
  RELATION_RULES,
  RELATION_TYPES,
  Relation,
} from '../../src/schema.ts';
import { NODE_TYPES, RELATION_ZH, relationZh, typeStyle } from '../../viewer/src/style.ts';

const ROOT = join(import.meta.dirname, '../..');
let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'kg-names-'));
  execFileSync(process.execPath, [join(ROOT, 'bin/kg.js'), 'extract', 'seeds', '--out', out, '-q'], { cwd: ROOT });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const lines = (file: string): unknown[] =>
  readFileSync(join(out, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('shared names', () => {
  it('every relation of the seeds has a rule listed for its type', () => {
    const relations = lines('relations.jsonl').map((r) => Relation.parse(r));
    expect(new Set(relations.map((r) => r.type)).size).toBeGreaterThanOrEqual(4);
    for (const r of relations)
      expect(RELATION_RULES[r.type] as readonly string[], `${r.type} ${r.rule}`).toContain(r.rule);
  });

  it('graph.json holds only known labels, articles under the Article: prefix', () => {
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as {
      nodes: Array<{ key: string; attributes: { type: string } }>;
    };
    for (const n of graph.nodes) {
      expect(NODE_LABELS).toContain(n.attributes.type);
      expect(n.key.startsWith(ARTICLE_ID_PREFIX)).toBe(n.attributes.type === ARTICLE_LABEL);
    }
  });

  it('the viewer styles every label and relation type, and refuses an unknown one', () => {
    expect(Object.keys(NODE_TYPES).sort()).toEqual([...NODE_LABELS].sort());
    expect(Object.keys(RELATION_ZH).sort()).toEqual([...RELATION_TYPES].sort());
    expect(typeStyle('County').zh).toBe('县区');
    expect(relationZh('DEVELOPS')).toBe('建设/投资');
    expect(() => typeStyle('Ship')).toThrow(/unknown node type "Ship"/);
    expect(() => relationZh('OWNS')).toThrow(/unknown relation type "OWNS"/);
  });
});
