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
    edit: 'Edit this version',
    editor: 'Edit',
    filter: 'Find a key or a text',
    prompts: 'Prompts',
    faq: 'FAQ answers',
    canned: 'Canned replies',
    policy: 'Policy numbers',
    preview: 'Preview with a demo borrower',
    previewHint: 'Click into a prompt to see it with a demo borrower’s figures.',
    publishName: 'Name of the version',
    publishNote: 'Change note: why',
    publish: 'Publish',
    changes: (n) => `${n} change(s)`,
    published: (d) => `Published ${d.version} “${d.name}”: new conversations use it.`,
    compare: 'Compare',
    compareWith: 'Compare with',
    makeCurrent: 'Make current',
    madeCurrent: (v) => `${v} is current: new conversations use it.`,
    noDifference: 'No difference.',
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
    edit: '编辑此版本',
    editor: '编辑',
    filter: '查找键名或文字',
    prompts: '话术',
    faq: '常见问题回答',
    canned: '快捷回复',
    policy: '政策数字',
    preview: '用演示借款人预览',
    previewHint: '点进一条话术，即可看到填入演示借款人数据后的效果。',
    publishName: '版本名称',
    publishNote: '变更说明：为什么改',
    publish: '发布',
    changes: (n) => `${n} 处修改`,
    published: (d) => `已发布 ${d.version}「${d.name}」：新对话将使用此版本。`,
    compare: '比较',
    compareWith: '比较对象',
    makeCurrent: '设为当前版本',
    madeCurrent: (v) => `${v} 已是当前版本：新对话将使用它。`,
    noDifference: '没有差异。',
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
  for (const element of document.querySelectorAll('[data-i18n-placeholder]'))
    element.placeholder = words[element.dataset.i18nPlaceholder];
  document.title = `xieshang — ${words.title}`;
}
