// The questions panel's state over the real query listing (cypher/queries through the server's queryListing).
import { describe, expect, it } from 'vitest';
import { listQueries } from '../../src/neo4j/query.ts';
import { queryListing, type QueryAnswer } from '../../src/server/queries.ts';
import {
  answered,
  answerNodeIds,
  answerNote,
  answerTable,
  failed,
  loaded,
  NO_QUESTIONS,
  pick,
  pickedQuery,
  requestBody,
  setValue,
  started,
} from '../../viewer/src/questions.ts';
import { sortTable } from '../../viewer/src/table.ts';

const listing = listQueries().map(queryListing);
const state = loaded(NO_QUESTIONS, listing);

const answer: QueryAnswer = {
  columns: ['county', 'project', 'investment_yuan', 'developers', 'node'],
  rows: [
    { county: '东阿县', project: '乙项目', investment_yuan: 500, developers: ['甲公司', '丙公司'], node: null },
    {
      county: '东阿县',
      project: '甲项目',
      investment_yuan: 2000,
      developers: [],
      node: { id: 'Company:甲公司', type: 'Company', name: '甲公司' },
    },
  ],
  truncated: false,
  nodes: [
    { id: 'County:东阿县', type: 'County', name: '东阿县' },
    { id: 'Company:甲公司', type: 'Company', name: '甲公司' },
  ],
};

describe('the questions panel', () => {
  it('picks a question and fills its form with the example values', () => {
    const picked = pick(state, 'shortest_path');
    expect(pickedQuery(picked)?.question).toBe(listing.find((q) => q.name === 'shortest_path')?.question);
    const examples = Object.fromEntries(pickedQuery(picked)?.params.map((p) => [p.name, p.example]) ?? []);
    expect(picked.values).toEqual(examples);
    expect(Object.keys(examples)).toEqual(['from', 'to', 'max_hops']);
    expect(pick(state, 'no_such_query')).toBe(state);
  });

  it('sends the typed values, trimmed, and leaves an emptied field to the server example', () => {
    let s = pick(state, 'co_mentioned');
    s = setValue(setValue(s, 'name', '  聊城市 '), 'limit', '');
    expect(requestBody(s)).toEqual({ name: '聊城市' });
    expect(requestBody(NO_QUESTIONS)).toEqual({});
  });

  it('forgets the last answer and error on another pick; running clears the error', () => {
    let s = answered(started(pick(state, 'county_projects')), answer);
    expect(s.running).toBe(false);
    expect(s.answer).toBe(answer);
    s = failed(started(s), 'parameter county must be a string');
    expect(s.error).toMatch(/county/);
    expect(started(s).error).toBeNull();
    const other = pick(s, 'largest_projects');
    expect([other.answer, other.error]).toEqual([null, null]);
  });

  it('shows the answer as a table that sorts numbers by value, with nodes by name and lists joined', () => {
    const table = answerTable(answer);
    expect(table.columns.map((c) => c.title)).toEqual(answer.columns);
    expect(table.rows[0]).toMatchObject({ developers: '甲公司、丙公司', node: '' });
    expect(table.rows[1]).toMatchObject({ node: '甲公司', investment_yuan: 2000 });
    const sorted = sortTable(table, { key: 'investment_yuan', descending: true });
    expect(sorted.rows.map((r) => r.project)).toEqual(['甲项目', '乙项目']);
    expect(answerNodeIds(answer)).toEqual(['County:东阿县', 'Company:甲公司']);
    expect(answerNote(answer)).toBe('2 行');
    expect(answerNote({ ...answer, truncated: true })).toMatch(/截断/);
  });
});
