// The console's words in zh-CN and en; the page marks translatable text with data-i18n.
export const TEXT = {
  'zh-CN': {
    title: '协商 · 坐席工作台', language: '语言', logout: '退出', loginTitle: '登录', token: '访问令牌', tokenHint: '演示令牌见 README，例如 dev-agent-token。',
    login: '登录', queue: '待处理队列', mine: '我的案件', pickCase: '从左侧选择一个案件。', claim: '接手', transcript: '对话记录', message: '消息',
    messageHint: '回复借款人（Enter 发送，Shift+Enter 换行）', send: '发送', facts: '案件信息', interview: '面谈回答', offers: '方案', propose: '提出方案',
    kind: '类型', months: '期数', discount: '结清折扣 (%)', waiveFees: '减免罚息和滞纳金', proposeButton: '发送方案', finish: '结束人工服务',
    handBack: '交还机器人', outcome: '结果', note: '备注', closeCase: '结案', agree: '记录协议', empty: '暂无', waiting: '等待', minutes: '分钟',
    heldBy: '处理人', status: '状态', reason: '原因', priority: '优先级', loginFailed: '令牌无效或无权访问坐席工作台', claimed: '已接手',
    sent: '已发送', handedBack: '已交还机器人', closed: '已结案', agreed: '协议已记录', proposed: '方案已发送', undelivered: '已记录，但未能送达借款人渠道',
    shown: '已展示', proposedTag: '坐席提出', live: '实时', offline: '连接中断，正在重连…',
    actor: { borrower: '借款人', bot: '机器人', agent: '坐席', system: '系统' },
    priorities: { urgent: '紧急', high: '高', normal: '普通' },
    reasons: { vulnerability: '脆弱客户', dispute: '争议', declined: '拒绝方案', counterOffersExhausted: '还价未果', noAffordablePlan: '无可负担方案', humanRequested: '要求人工', identityFailed: '身份核实失败', explanationRefused: '拒绝自动决定' },
  },
  en: {
    title: 'xieshang · Agent console', language: 'Language', logout: 'Log out', loginTitle: 'Log in', token: 'Access token', tokenHint: 'Demo tokens are in the README, e.g. dev-agent-token.',
    login: 'Log in', queue: 'Queue', mine: 'My cases', pickCase: 'Pick a case on the left.', claim: 'Claim', transcript: 'Transcript', message: 'Message',
    messageHint: 'Reply to the borrower (Enter sends, Shift+Enter new line)', send: 'Send', facts: 'Case facts', interview: 'Interview answers', offers: 'Offers', propose: 'Propose an offer',
    kind: 'Kind', months: 'Months', discount: 'Settlement discount (%)', waiveFees: 'Waive late fees and penalty interest', proposeButton: 'Send offer', finish: 'Finish',
    handBack: 'Hand back to the bot', outcome: 'Outcome', note: 'Note', closeCase: 'Close case', agree: 'Record agreement', empty: 'none', waiting: 'waiting', minutes: 'min',
    heldBy: 'Held by', status: 'Status', reason: 'Reason', priority: 'Priority', loginFailed: 'Unknown token, or no access to the agent console', claimed: 'Claimed',
    sent: 'Sent', handedBack: 'Handed back to the bot', closed: 'Closed', agreed: 'Agreement recorded', proposed: 'Offer sent', undelivered: 'Recorded, but the borrower\'s channel could not be reached',
    shown: 'shown', proposedTag: 'proposed by an agent', live: 'live', offline: 'Connection lost, reconnecting…',
    actor: { borrower: 'Borrower', bot: 'Bot', agent: 'Agent', system: 'System' },
    priorities: { urgent: 'urgent', high: 'high', normal: 'normal' },
    reasons: { vulnerability: 'vulnerability', dispute: 'dispute', declined: 'declined offers', counterOffersExhausted: 'counter-offers exhausted', noAffordablePlan: 'no affordable plan', humanRequested: 'asked for a person', identityFailed: 'identity check failed', explanationRefused: 'refused an automated decision' },
  },
};

/** Translates every [data-i18n] element (and placeholders) under `root`. */
export function translate(root, locale) {
  const words = TEXT[locale] ?? TEXT['zh-CN'];
  document.documentElement.lang = locale;
  document.title = words.title;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = words[element.dataset.i18n] ?? element.textContent;
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = words[element.dataset.i18nPlaceholder] ?? '';
  return words;
}
