// The flow pages' words in English and 简体中文: picked from ?lang=, then the browser's language.
const WORDS = {
  en: {
    title: 'Flow viewer',
    token: 'Token (product owner)',
    language: 'Language',
    version: 'Version',
    from: 'From',
    to: 'To',
    show: 'Show',
    diagram: 'Negotiation: diagram',
    funnel: 'Funnel',
    offers: 'Offers',
    plan: 'Plan after the agreement',
    state: 'State',
    entered: 'Entered',
    leftTo: 'Left to',
    stopped: 'Stopped',
    kind: 'Kind',
    shown: 'Shown',
    accepted: 'Accepted',
    current: 'current',
    inBox: (s) => `in ${s.entered} · stopped ${s.stopped}`,
    startedBox: (n) => `${n} started`,
    startedLine: (f) => `${f.started} conversation(s) started, ${f.from} – ${f.to}`,
    plansLine: (f) => `${f.started} plan(s) started · kept ${f.outcomes.kept} · broken ${f.outcomes.broken}`,
    arrow: (e) => `${e.count} · ${e.percent}%`,
    loading: 'Loading…',
  },
  'zh-CN': {
    title: '流程查看',
    token: '令牌（产品负责人）',
    language: '语言',
    version: '版本',
    from: '开始日期',
    to: '结束日期',
    show: '显示',
    diagram: '协商流程图',
    funnel: '漏斗',
    offers: '方案',
    plan: '协议后的还款计划',
    state: '状态',
    entered: '进入',
    leftTo: '去向',
    stopped: '停留',
    kind: '类型',
    shown: '展示',
    accepted: '接受',
    current: '当前',
    inBox: (s) => `进入 ${s.entered} · 停留 ${s.stopped}`,
    startedBox: (n) => `开始 ${n}`,
    startedLine: (f) => `${f.from} 至 ${f.to} 开始的对话：${f.started}`,
    plansLine: (f) => `开始的计划：${f.started} · 履约 ${f.outcomes.kept} · 违约 ${f.outcomes.broken}`,
    arrow: (e) => `${e.count} · ${e.percent}%`,
    loading: '加载中…',
  },
};

export const LANGUAGES = Object.keys(WORDS);

export function pickLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && WORDS[asked]) return asked;
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const wordsFor = (lang) => WORDS[lang] ?? WORDS.en;

/** Writes the words into every element marked data-i18n="key". */
export function translatePage(words, lang) {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = words[element.dataset.i18n];
  document.title = `xieshang — ${words.title}`;
}
