// The view kept in the URL: selection, filters, size metric, table and camera round-trip; bad parts are ignored.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../viewer/src/filters.ts';
import { EMPTY_VIEW, formatViewState, parseViewState, type ViewState } from '../../viewer/src/view-state.ts';

describe('view state in the URL', () => {
  it('round-trips selection, filters, size, table and camera', () => {
    const view: ViewState = {
      selected: 'Project:海韵能源高端锂电池负极材料项目',
      filters: {
        hiddenTypes: ['Person', 'Article'],
        hiddenRelations: ['MENTIONS'],
        hiddenRules: ['develops:same-sentence', 'located:article-county'],
        county: 'County:东阿县',
        from: '2023-08-02',
        to: '2024-11-05',
        factsOnly: true,
      },
      sizeBy: 'pagerank',
      table: 'relations',
      camera: { x: 0.25, y: 0.75, ratio: 0.4 },
    };
    const hash = formatViewState(view);
    expect(hash).toContain('facts=1');
    expect(hash).toContain('county=County%3A');
    expect(parseViewState(hash)).toEqual({
      ...view,
      filters: { ...view.filters, hiddenTypes: ['Article', 'Person'] },
    });
  });

  it('reads the links of the earlier viewer (selection, hidden types, camera)', () => {
    expect(parseViewState('#sel=County%3A%E4%B8%9C%E9%98%BF%E5%8E%BF&hide=Person&cam=0.5,0.5,0.3')).toEqual({
      ...EMPTY_VIEW,
      selected: 'County:东阿县',
      filters: { ...NO_FILTERS, hiddenTypes: ['Person'] },
      camera: { x: 0.5, y: 0.5, ratio: 0.3 },
    });
  });

  it('ignores what it cannot read instead of failing', () => {
    expect(parseViewState('#cam=a,b,c&hide=&sel=&from=yesterday&to=2024-13&size=huge&table=chart&facts=yes')).toEqual(
      EMPTY_VIEW,
    );
    expect(parseViewState('#cam=0.5,0.5,-1').camera).toBeNull();
    expect(parseViewState('')).toEqual(EMPTY_VIEW);
    expect(formatViewState(EMPTY_VIEW)).toBe('');
  });
});
