// City-run functional zones: county-level in practice, absent from the national division list.
// Keyed by the home city; `short` are the forms the city's paper prints bare (开发区, 高新区).
export interface Zone {
  name: string;
  short: string[];
}

export const ZONES: Record<string, Zone[]> = {
  聊城市: [
    { name: '聊城经济技术开发区', short: ['聊城经开区', '经济技术开发区', '经开区', '开发区'] },
    { name: '聊城高新技术产业开发区', short: ['聊城高新区', '高新技术产业开发区', '高新区'] },
    { name: '江北水城旅游度假区', short: ['旅游度假区', '度假区'] },
  ],
};
