// Government and party bodies. A printed agency is [jurisdiction][department]; its canonical name is the
// jurisdiction's full name + the department's full official name (市市场监管局 → 聊城市市场监督管理局).

/** Department names as printed → full official name. Full names map to themselves. */
export const DEPARTMENTS: Record<string, string> = {
  // 局 (bureaus), full names
  市场监督管理局: '市场监督管理局',
  工业和信息化局: '工业和信息化局',
  应急管理局: '应急管理局',
  财政局: '财政局',
  水利局: '水利局',
  气象局: '气象局',
  公安局: '公安局',
  税务局: '税务局',
  统计局: '统计局',
  民政局: '民政局',
  司法局: '司法局',
  审计局: '审计局',
  商务局: '商务局',
  商务和投资促进局: '商务和投资促进局',
  行政审批服务局: '行政审批服务局',
  交通运输局: '交通运输局',
  农业农村局: '农业农村局',
  生态环境局: '生态环境局',
  自然资源和规划局: '自然资源和规划局',
  自然资源局: '自然资源局',
  住房和城乡建设局: '住房和城乡建设局',
  人力资源和社会保障局: '人力资源和社会保障局',
  文化和旅游局: '文化和旅游局',
  教育和体育局: '教育和体育局',
  教育局: '教育局',
  科学技术局: '科学技术局',
  退役军人事务局: '退役军人事务局',
  医疗保障局: '医疗保障局',
  城市管理局: '城市管理局',
  综合行政执法局: '综合行政执法局',
  大数据局: '大数据局',
  投资促进局: '投资促进局',
  地方金融监督管理局: '地方金融监督管理局',
  畜牧兽医局: '畜牧兽医局',
  // 局, abbreviations
  市场监管局: '市场监督管理局',
  工信局: '工业和信息化局',
  应急局: '应急管理局',
  审批局: '行政审批服务局',
  住建局: '住房和城乡建设局',
  人社局: '人力资源和社会保障局',
  文旅局: '文化和旅游局',
  教体局: '教育和体育局',
  科技局: '科学技术局',
  交通局: '交通运输局',
  农业局: '农业农村局',
  环境局: '生态环境局',
  医保局: '医疗保障局',
  城管局: '城市管理局',
  退役军人局: '退役军人事务局',
  商投局: '商务和投资促进局',
  发展和改革局: '发展和改革局',
  发改局: '发展和改革局',
  经济和信息化局: '经济和信息化局',
  经信局: '经济和信息化局',
  管委会: '管理委员会',
  管理委员会: '管理委员会',
  // 委员会
  发展和改革委员会: '发展和改革委员会',
  发展改革委: '发展和改革委员会',
  发改委: '发展和改革委员会',
  卫生健康委员会: '卫生健康委员会',
  卫生健康委: '卫生健康委员会',
  卫健委: '卫生健康委员会',
  政法委: '政法委员会',
  纪委: '纪律检查委员会',
  纪委监委: '纪律检查委员会',
  // party organs and other bodies
  宣传部: '宣传部',
  组织部: '组织部',
  统战部: '统一战线工作部',
  统一战线工作部: '统一战线工作部',
  防汛抗旱指挥部: '防汛抗旱指挥部',
  防指: '防汛抗旱指挥部',
  防汛抗旱指挥部办公室: '防汛抗旱指挥部办公室',
  防办: '防汛抗旱指挥部办公室',
  消防救援支队: '消防救援支队',
  消防支队: '消防救援支队',
  消防救援大队: '消防救援大队',
  消防大队: '消防救援大队',
  消防救援总队: '消防救援总队',
  公安分局: '公安分局',
  文学艺术界联合会: '文学艺术界联合会',
  文联: '文学艺术界联合会',
  总工会: '总工会',
  妇女联合会: '妇女联合会',
  妇联: '妇女联合会',
  人民法院: '人民法院',
  人民检察院: '人民检察院',
  人民政府: '人民政府',
  政府: '人民政府',
  // A named county or city task force (县电商专班) is a body of its government.
  电商专班: '电商专班',
};

/**
 * Bodies named with the party committee of a jurisdiction: 市委 → 中共聊城市委, 冠县县委 → 中共冠县县委,
 * 市委党校 → 中共聊城市委党校. `{j}` is the jurisdiction's full name; `{j县委}` style is built from the level.
 */
export const PARTY_BODIES: Record<string, string> = {
  委党校: '中共{j}委党校',
  委: '中共{j}委',
};

/** National bodies: printed without jurisdiction, canonical as listed. */
export const NATIONAL: Record<string, string> = {
  应急管理部: '应急管理部',
  国家市场监督管理总局: '国家市场监督管理总局',
  市场监管总局: '国家市场监督管理总局',
  国家发展和改革委员会: '国家发展和改革委员会',
  国家发展改革委: '国家发展和改革委员会',
  国家发改委: '国家发展和改革委员会',
  工业和信息化部: '工业和信息化部',
  工信部: '工业和信息化部',
  生态环境部: '生态环境部',
  水利部: '水利部',
  财政部: '财政部',
  商务部: '商务部',
  交通运输部: '交通运输部',
  农业农村部: '农业农村部',
  自然资源部: '自然资源部',
  住房和城乡建设部: '住房和城乡建设部',
  科学技术部: '科学技术部',
  科技部: '科学技术部',
  教育部: '教育部',
  公安部: '公安部',
  民政部: '民政部',
  国家能源局: '国家能源局',
  国家税务总局: '国家税务总局',
  国家统计局: '国家统计局',
  国务院: '国务院',
  黄河水利委员会: '黄河水利委员会',
  黄委: '黄河水利委员会',
  长江水利委员会: '长江水利委员会',
  长江委: '长江水利委员会',
};

/**
 * Bodies of a vertical system named after a place without being part of that place's government: their printed
 * name is the official one (聊城黄河河务局, 山东黄河河务局). Matched as [place short or full name] + core.
 */
export const VERTICAL_CORES = ['黄河河务局', '河务局', '海关', '铁路局'];

/** How a printed single-character jurisdiction resolves: 市 → home city, 省 → its province, 县/区 → county in context. */
export const JURISDICTION_CHARS = ['市', '省', '县', '区'] as const;
