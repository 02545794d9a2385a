// Chinese surnames (the 百家姓 single surnames plus common ones outside it, and the usual compound surnames). Used
// for credits printed as a line of their own (`■ 田柏林`, `本报记者 X`, `（许多 摄）`): there a 2–4 character word counts
// as a name only if it opens with a surname, so that a subhead such as `■ 创新驱动`, `■ 相关链接` or `■ 记者手记` is
// not taken for a byline. Rare surnames that mostly open ordinary words (有, 和, 都, 相, 公, 家, 平…) are left out on purpose.

const SINGLE = `
赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳
酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于傅皮卞齐康伍余元卜顾孟黄穆萧尹姚邵湛汪祁毛禹狄米贝明臧伏成戴谈宋茅庞熊纪舒
屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫房裘缪干宗丁宣贲邓郁单杭洪包诸
左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭
厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰鄂索赖卓蔺屠蒙池乔胥闻莘党翟谭贡逄姬申冉郦雍却璩桑桂濮牛寿扈燕冀郏浦尚农
温庄晏柴瞿阎慕连茹宦艾鱼向古易戈廖庾暨耿匡文寇广阙东欧殳沃蔚夔师巩厍聂晁勾敖冷訾辛阚简饶曾毋沙乜鞠丰巢关蒯荆竺逯盖桓岳帅
缑亢况琴归晋楚闫汝鄢涂钦商牟佘佴伯赏墨哈谯笪阳佟代付仝练覃战迟檀兰苟邸银续达操初逢揭修眭母库旷亓律淡植谌隋郄豆尧妥弭邝伞
菅粟冼禚蹇尉
`;

const COMPOUND = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '端木', '独孤', '南宫', '万俟', '闻人', '呼延', '澹台', '公冶', '申屠', '太叔', '钟离', '赫连', '第五',
];

const SINGLE_SET = new Set([...SINGLE.replace(/\s+/gu, '')]);

/** Whether a 2–4 character word opens with a Chinese surname. */
export const startsWithSurname = (name: string): boolean =>
  SINGLE_SET.has(name[0] ?? '') || COMPOUND.some((s) => name.startsWith(s) && name.length > s.length);
