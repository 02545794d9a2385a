// Organisations: universities, institutes, associations, and periodicals named with a post.
import { describe, expect, it } from 'vitest';
import { extractorFor } from './extract-fixture.ts';

const extract = extractorFor('聊城市');

describe('organizations', () => {
  it('takes universities, their schools, and institutes', () => {
    const x = extract('聊城大学、山东大学文学院与中国电子信息产业发展研究院共建实验平台。');
    expect(x.names('Organization')).toEqual(['中国电子信息产业发展研究院', '山东大学文学院', '聊城大学']);
  });

  it('takes associations and expands 作协', () => {
    const x = extract('山东省机械工程学会、聊城市作协联合举办讲座。');
    expect(x.names('Organization')).toEqual(['山东省机械工程学会', '聊城市作家协会']);
    expect(x.entity('Organization:聊城市作家协会')?.aliases).toEqual(['聊城市作协']);
  });

  it('names national media by their full names, the printed short forms as aliases (央视, 新华社)', () => {
    const x = extract('据央视报道，新华社记者和人民日报社编辑参加。');
    expect(x.names('Organization')).toEqual(['中央电视台', '人民日报', '新华通讯社']);
    expect(x.entity('Organization:中央电视台')?.aliases).toEqual(['央视']);
    expect(x.entity('Organization:人民日报')?.aliases).toEqual(['人民日报社']);
    expect(x.names('Company')).toEqual([]);
  });

  it('takes no generic body (企业研发中心)', () => {
    expect(extract('企业研发中心投入使用。').names('Organization')).toEqual([]);
  });

  it('takes a periodical when a post follows it (《水城文艺》主编), without its brackets', () => {
    const x = extract('《水城文艺》主编韩丽娟作了讲座。');
    expect(x.names('Organization')).toEqual(['水城文艺']);
    expect(x.edge('HOLDS_POSITION', 'Person:韩丽娟', 'Organization:水城文艺')?.props.title).toBe('主编');
  });

  it('takes no book or periodical printed without a post', () => {
    expect(extract('大家认真阅读了《水城文艺》杂志和《乡土中国》。').names('Organization')).toEqual([]);
  });

  // BUG (reported): 作协 (作家协会) matches inside 合作协议, so "X签订合作协议" becomes an Organization
  // "X签订合作家协会" that also swallows the real name before it.
  it('does not read 合作协议 as an association (作协)', () => {
    const x = extract('冠县人民政府与山东大学签订合作协议。');
    expect(x.names('Organization')).toEqual(['山东大学']);
  });
});
