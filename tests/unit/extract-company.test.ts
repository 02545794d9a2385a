// Companies: legal and business forms, bank branches, cooperatives; references and kinds of company are not names.
import { describe, expect, it } from 'vitest';
import { extractorFor } from './extract-fixture.ts';

const extract = extractorFor('聊城市');

describe('companies', () => {
  it('takes the name ending in a legal form, and 该公司 is no company', () => {
    const x = extract('山东鲁华新能源科技有限公司今年产值增长三成。该公司负责人表示，订单已排到年底。');
    expect(x.names('Company')).toEqual(['山东鲁华新能源科技有限公司']);
  });

  it('keeps 股份有限公司 whole and starts the name after a conjunction', () => {
    const x = extract('聊城瑞丰纺织股份有限公司与山东宇泽生物科技有限公司签约。');
    expect(x.names('Company')).toEqual(['山东宇泽生物科技有限公司', '聊城瑞丰纺织股份有限公司']);
  });

  it('drops the leading county of a bare 集团 name, which becomes LOCATED_IN', () => {
    const x = extract('临清宏达轴承集团新上一条自动化生产线。');
    expect(x.names('Company')).toEqual(['宏达轴承集团']);
    expect(x.entity('Company:宏达轴承集团')?.aliases).toEqual(['临清宏达轴承集团']);
    expect(x.edges('LOCATED_IN')).toEqual(['Company:宏达轴承集团 → County:临清市']);
  });

  it('names a bank branch after its bank: 农行阳谷支行 → 中国农业银行阳谷支行', () => {
    const x = extract('农行阳谷支行、工行东昌府支行为企业授信5亿元。');
    expect(x.names('Company')).toEqual(['中国农业银行阳谷支行', '中国工商银行东昌府支行']);
  });

  it('takes no branch of something that is not a bank', () => {
    expect(extract('营业部阳谷支行为企业授信。').names('Company')).toEqual([]);
  });

  it('takes a cooperative', () => {
    expect(extract('冠县鸿泰蔬菜种植专业合作社带动农户增收。').names('Company')).toEqual([
      '冠县鸿泰蔬菜种植专业合作社',
    ]);
  });

  it('takes no kind of company (农村供水公司) and no reference (我们公司, 这家公司)', () => {
    expect(extract('县里的农村供水公司负责日常维护。').names('Company')).toEqual([]);
    expect(extract('我们公司今年新招工人50名，这家公司也在扩产。').names('Company')).toEqual([]);
  });

  it('merges a short printed form into the longest legal name of the article', () => {
    const x = extract('山东鲁华新能源科技有限公司落户阳谷。鲁华新能源科技有限公司的产品远销海外。');
    expect(x.names('Company')).toEqual(['山东鲁华新能源科技有限公司']);
    expect(x.entity('Company:山东鲁华新能源科技有限公司')?.aliases).toEqual(['鲁华新能源科技有限公司']);
  });
});
