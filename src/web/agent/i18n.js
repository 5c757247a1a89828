// The console's words in zh-CN, zh-TW and en; the page marks translatable text with data-i18n.
const ZH_CN = {
  title: '协商 · 坐席工作台', language: '语言', logout: '退出', loginTitle: '登录', token: '访问令牌', tokenHint: '演示令牌见 README，例如 dev-agent-token。',
  login: '登录', pickCase: '从左侧选择一个案件。', claim: '接手', transcript: '对话记录', message: '消息',
  messageHint: '回复借款人（Enter 发送，Shift+Enter 换行，输入 / 使用快捷回复）', send: '发送', facts: '案件信息', interview: '面谈回答', offers: '方案', propose: '提出方案',
  kind: '类型', months: '期数', discount: '结清折扣 (%)', waiveFees: '减免罚息和滞纳金', proposeButton: '发送方案', finish: '结束人工服务',
  handBack: '交还机器人', outcome: '结果', note: '备注', closeCase: '结案', agree: '记录协议', empty: '暂无', waiting: '等待', minutes: '分钟',
  heldBy: '处理人', status: '状态', reason: '原因', priority: '优先级', loginFailed: '令牌无效或无权访问坐席工作台', claimed: '已接手',
  sent: '已发送', handedBack: '已交还机器人', closed: '已结案', agreed: '协议已记录', proposed: '方案已发送', undelivered: '已记录，但未能送达借款人渠道',
  shown: '已展示', proposedTag: '坐席提出', offline: '连接中断，正在重连…',
  views: '视图', search: '搜索（借款合同号、案件号、协议编号）', searchButton: '搜索', filterPriority: '优先级筛选', filterReason: '原因筛选', any: '全部',
  notes: '内部备注', noteHint: '仅坐席可见，不会发送给借款人', addNote: '添加备注', noteAdded: '备注已添加', noteLabel: '内部备注',
  transfer: '转交', transferTo: '转交给', supervisorsQueue: '主管队列', transferNote: '转交说明', transferButton: '转交', transferred: '已转交',
  sound: '提示音', notify: '开启桌面通知', unread: '有新消息', sinceBorrower: '借款人上次发言', firstResponse: '首次响应',
  verified: '身份已核实', notVerified: '身份未核实', account: '账户', borrower: '借款人', tier: '逾期阶段', overdue: '逾期金额', fees: '罚息和费用', balance: '剩余本息',
  regular: '原月供', broken: '12个月内违约次数', days: '天', reference: '协议编号', floor: '现场概况', agentsOnline: '坐席在线与负载', online: '在线', away: '离线',
  load: '处理中', today: '今日结果', agreements: '协议', avgFirstResponse: '平均首次响应', seconds: '秒', newCase: '新案件', newUrgent: '新的紧急案件',
  cannedList: '快捷回复', noCases: '没有案件',
  errors: { 400: '输入有误，请检查后重试。', 401: '登录已失效，请重新登录。', 403: '您无权执行此操作。', 404: '找不到该案件。', 409: '案件状态已变化（可能已被其他坐席接手），已刷新。', 0: '操作失败，请稍后再试。' },
  viewNames: { queue: '待处理队列', mine: '我的案件', waiting: '等待借款人', open: '全部进行中', closed: '已结案/已达成协议' },
  actor: { borrower: '借款人', bot: '机器人', agent: '坐席', system: '系统' },
  priorities: { urgent: '紧急', high: '高', normal: '普通' },
  statuses: { active: '机器人处理中', escalated: '人工处理中', agreed: '已达成协议', closed: '已结案' },
  reasons: { vulnerability: '脆弱客户', dispute: '争议', declined: '拒绝方案', counterOffersExhausted: '还价未果', noAffordablePlan: '无可负担方案', humanRequested: '要求人工', identityFailed: '身份核实失败', explanationRefused: '拒绝自动决定' },
  kinds: { grace: '宽限期', extend: '延长还款期限', installment: '分期还款', freeze: '停息挂账', waiver: '减免罚息', settlement: '一次性结清' },
  outcomes: { resolved: '已解决', paidInFull: '已全额还款', disputeUpheld: '争议成立', disputeRejected: '争议不成立', referredToSupport: '转介支持服务', noResponse: '借款人未回复', other: '其他', agreed: '达成协议', handedBack: '交还机器人' },
  interviewKeys: { reason: '逾期原因', duration: '困难持续', recoveryMonths: '预计恢复（月）', incomeMinor: '月收入', essentialSpendingMinor: '必要开支', otherDebtPaymentsMinor: '其他债务月供', dependants: '供养人数', statedMonthlyMinor: '自述每月可还', lumpSumMinor: '可一次性筹集' },
  values: { jobLoss: '失业', reducedIncome: '收入减少', illness: '疾病或受伤', business: '经营困难', family: '家庭变故', tooManyDebts: '负债过多', other: '其他', temporary: '暂时', longTerm: '长期' },
  events: { 'case.claimed': '坐席已接手', 'case.escalated': '转人工', 'case.transferred': '案件已转交', 'case.handedBack': '交还机器人', 'case.closed': '已结案', 'offer.proposed': '坐席提出方案', 'offer.chosen': '借款人选择了方案', 'agreement.recorded': '协议已记录', 'contact.optedOut': '借款人退订', 'locale.switched': '切换语言' },
};

const ZH_TW = {
  ...ZH_CN,
  title: '協商 · 坐席工作台', language: '語言', logout: '登出', loginTitle: '登入', token: '存取權杖', tokenHint: '示範權杖見 README，例如 dev-agent-token。',
  login: '登入', pickCase: '從左側選擇一個案件。', claim: '接手', transcript: '對話紀錄', message: '訊息',
  messageHint: '回覆借款人（Enter 送出，Shift+Enter 換行，輸入 / 使用快捷回覆）', send: '送出', facts: '案件資訊', interview: '面談回答', offers: '方案', propose: '提出方案',
  kind: '類型', months: '期數', discount: '結清折扣 (%)', waiveFees: '減免罰息和滯納金', proposeButton: '送出方案', finish: '結束人工服務',
  handBack: '交還機器人', outcome: '結果', note: '備註', closeCase: '結案', agree: '記錄協議', empty: '暫無', waiting: '等待', minutes: '分鐘',
  heldBy: '處理人', status: '狀態', reason: '原因', priority: '優先順序', loginFailed: '權杖無效或無權存取坐席工作台', claimed: '已接手',
  sent: '已送出', handedBack: '已交還機器人', closed: '已結案', agreed: '協議已記錄', proposed: '方案已送出', undelivered: '已記錄，但未能送達借款人管道',
  shown: '已展示', proposedTag: '坐席提出', offline: '連線中斷，正在重新連線…',
  views: '檢視', search: '搜尋（借款合約號、案件號、協議編號）', searchButton: '搜尋', filterPriority: '優先順序篩選', filterReason: '原因篩選', any: '全部',
  notes: '內部備註', noteHint: '僅坐席可見，不會傳送給借款人', addNote: '新增備註', noteAdded: '備註已新增', noteLabel: '內部備註',
  transfer: '轉交', transferTo: '轉交給', supervisorsQueue: '主管佇列', transferNote: '轉交說明', transferButton: '轉交', transferred: '已轉交',
  sound: '提示音', notify: '開啟桌面通知', unread: '有新訊息', sinceBorrower: '借款人上次發言', firstResponse: '首次回應',
  verified: '身分已核實', notVerified: '身分未核實', account: '帳戶', borrower: '借款人', tier: '逾期階段', overdue: '逾期金額', fees: '罰息和費用', balance: '剩餘本息',
  regular: '原月付', broken: '12個月內違約次數', days: '天', reference: '協議編號', floor: '現場概況', agentsOnline: '坐席在線與負載', online: '在線', away: '離線',
  load: '處理中', today: '今日結果', agreements: '協議', avgFirstResponse: '平均首次回應', seconds: '秒', newCase: '新案件', newUrgent: '新的緊急案件',
  cannedList: '快捷回覆', noCases: '沒有案件',
  errors: { 400: '輸入有誤，請檢查後重試。', 401: '登入已失效，請重新登入。', 403: '您無權執行此操作。', 404: '找不到該案件。', 409: '案件狀態已變更（可能已被其他坐席接手），已重新整理。', 0: '操作失敗，請稍後再試。' },
  viewNames: { queue: '待處理佇列', mine: '我的案件', waiting: '等待借款人', open: '全部進行中', closed: '已結案/已達成協議' },
  actor: { borrower: '借款人', bot: '機器人', agent: '坐席', system: '系統' },
  priorities: { urgent: '緊急', high: '高', normal: '普通' },
  statuses: { active: '機器人處理中', escalated: '人工處理中', agreed: '已達成協議', closed: '已結案' },
  reasons: { vulnerability: '弱勢客戶', dispute: '爭議', declined: '拒絕方案', counterOffersExhausted: '還價未果', noAffordablePlan: '無可負擔方案', humanRequested: '要求真人', identityFailed: '身分核實失敗', explanationRefused: '拒絕自動決定' },
  kinds: { grace: '寬限期', extend: '延長還款期限', installment: '分期還款', freeze: '停息掛帳', waiver: '減免罰息', settlement: '一次性結清' },
  outcomes: { resolved: '已解決', paidInFull: '已全額還款', disputeUpheld: '爭議成立', disputeRejected: '爭議不成立', referredToSupport: '轉介支援服務', noResponse: '借款人未回覆', other: '其他', agreed: '達成協議', handedBack: '交還機器人' },
  interviewKeys: { reason: '逾期原因', duration: '困難持續', recoveryMonths: '預計恢復（月）', incomeMinor: '月收入', essentialSpendingMinor: '必要開支', otherDebtPaymentsMinor: '其他債務月付', dependants: '扶養人數', statedMonthlyMinor: '自述每月可還', lumpSumMinor: '可一次性籌集' },
  values: { jobLoss: '失業', reducedIncome: '收入減少', illness: '疾病或受傷', business: '經營困難', family: '家庭變故', tooManyDebts: '負債過多', other: '其他', temporary: '暫時', longTerm: '長期' },
  events: { 'case.claimed': '坐席已接手', 'case.escalated': '轉真人', 'case.transferred': '案件已轉交', 'case.handedBack': '交還機器人', 'case.closed': '已結案', 'offer.proposed': '坐席提出方案', 'offer.chosen': '借款人選擇了方案', 'agreement.recorded': '協議已記錄', 'contact.optedOut': '借款人退訂', 'locale.switched': '切換語言' },
};

const EN = {
  title: 'xieshang · Agent console', language: 'Language', logout: 'Log out', loginTitle: 'Log in', token: 'Access token', tokenHint: 'Demo tokens are in the README, e.g. dev-agent-token.',
  login: 'Log in', pickCase: 'Pick a case on the left.', claim: 'Claim', transcript: 'Transcript', message: 'Message',
  messageHint: 'Reply to the borrower (Enter sends, Shift+Enter new line, / for canned replies)', send: 'Send', facts: 'Case facts', interview: 'Interview answers', offers: 'Offers', propose: 'Propose an offer',
  kind: 'Kind', months: 'Months', discount: 'Settlement discount (%)', waiveFees: 'Waive late fees and penalty interest', proposeButton: 'Send offer', finish: 'Finish',
  handBack: 'Hand back to the bot', outcome: 'Outcome', note: 'Note', closeCase: 'Close case', agree: 'Record agreement', empty: 'none', waiting: 'waiting', minutes: 'min',
  heldBy: 'Held by', status: 'Status', reason: 'Reason', priority: 'Priority', loginFailed: 'Unknown token, or no access to the agent console', claimed: 'Claimed',
  sent: 'Sent', handedBack: 'Handed back to the bot', closed: 'Closed', agreed: 'Agreement recorded', proposed: 'Offer sent', undelivered: 'Recorded, but the borrower\'s channel could not be reached',
  shown: 'shown', proposedTag: 'proposed by an agent', offline: 'Connection lost, reconnecting…',
  views: 'Views', search: 'Search (account, case id, agreement reference)', searchButton: 'Search', filterPriority: 'Filter by priority', filterReason: 'Filter by reason', any: 'any',
  notes: 'Internal notes', noteHint: 'Agents only: never sent to the borrower', addNote: 'Add note', noteAdded: 'Note added', noteLabel: 'Internal note',
  transfer: 'Transfer', transferTo: 'Transfer to', supervisorsQueue: 'Supervisors\' queue', transferNote: 'Transfer note', transferButton: 'Transfer', transferred: 'Transferred',
  sound: 'Sound', notify: 'Enable desktop notifications', unread: 'new messages', sinceBorrower: 'since the borrower wrote', firstResponse: 'first response',
  verified: 'identity verified', notVerified: 'identity not verified', account: 'Account', borrower: 'Borrower', tier: 'Tier', overdue: 'Overdue', fees: 'Fees and penalty interest', balance: 'Balance',
  regular: 'Regular payment', broken: 'Broken arrangements (12 months)', days: 'days', reference: 'Agreement reference', floor: 'The floor', agentsOnline: 'Agents online and load', online: 'online', away: 'away',
  load: 'holding', today: 'Today', agreements: 'agreements', avgFirstResponse: 'average first response', seconds: 's', newCase: 'New case', newUrgent: 'New urgent case',
  cannedList: 'Canned replies', noCases: 'No cases',
  errors: { 400: 'Something in the form is not valid; check and try again.', 401: 'Your session has ended; log in again.', 403: 'You may not do this.', 404: 'This case cannot be found.', 409: 'The case changed meanwhile (another agent may have claimed it); it has been refreshed.', 0: 'That did not work; try again shortly.' },
  viewNames: { queue: 'Queue', mine: 'My cases', waiting: 'Waiting for borrower', open: 'All open', closed: 'Closed and agreed' },
  actor: { borrower: 'Borrower', bot: 'Bot', agent: 'Agent', system: 'System' },
  priorities: { urgent: 'urgent', high: 'high', normal: 'normal' },
  statuses: { active: 'with the bot', escalated: 'with an agent', agreed: 'agreed', closed: 'closed' },
  reasons: { vulnerability: 'vulnerability', dispute: 'dispute', declined: 'declined offers', counterOffersExhausted: 'counter-offers exhausted', noAffordablePlan: 'no affordable plan', humanRequested: 'asked for a person', identityFailed: 'identity check failed', explanationRefused: 'refused an automated decision' },
  kinds: { grace: 'Grace period', extend: 'Longer term', installment: 'Instalments', freeze: 'Interest freeze', waiver: 'Fee waiver', settlement: 'Settlement' },
  outcomes: { resolved: 'Resolved', paidInFull: 'Paid in full', disputeUpheld: 'Dispute upheld', disputeRejected: 'Dispute rejected', referredToSupport: 'Referred to support', noResponse: 'No response', other: 'Other', agreed: 'Agreed', handedBack: 'Handed back' },
  interviewKeys: { reason: 'Reason', duration: 'Duration', recoveryMonths: 'Recovery (months)', incomeMinor: 'Monthly income', essentialSpendingMinor: 'Essential spending', otherDebtPaymentsMinor: 'Other debt payments', dependants: 'Dependants', statedMonthlyMinor: 'Says can pay monthly', lumpSumMinor: 'Lump sum available' },
  values: { jobLoss: 'lost job', reducedIncome: 'reduced income', illness: 'illness or injury', business: 'business difficulty', family: 'family emergency', tooManyDebts: 'too many debts', other: 'other', temporary: 'temporary', longTerm: 'long-term' },
  events: { 'case.claimed': 'an agent claimed the case', 'case.escalated': 'handed to a person', 'case.transferred': 'case transferred', 'case.handedBack': 'handed back to the bot', 'case.closed': 'case closed', 'offer.proposed': 'agent proposed an offer', 'offer.chosen': 'the borrower chose a plan', 'agreement.recorded': 'agreement recorded', 'contact.optedOut': 'the borrower opted out', 'locale.switched': 'language switched' },
};

export const TEXT = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, en: EN };

/** The console's language: the one picked before, else the browser's (English for English browsers), else zh-CN. */
export function preferredLocale(saved, languages) {
  if (saved && TEXT[saved]) return saved;
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('en')) return 'en';
    if (lower === 'zh-tw' || lower === 'zh-hk' || lower.startsWith('zh-hant')) return 'zh-TW';
    if (lower.startsWith('zh')) return 'zh-CN';
  }
  return 'zh-CN';
}

/** Translates every [data-i18n] element (and placeholders) under `root`. */
export function translate(root, locale) {
  const words = TEXT[locale] ?? TEXT['zh-CN'];
  document.documentElement.lang = locale;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = words[element.dataset.i18n] ?? element.textContent;
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = words[element.dataset.i18nPlaceholder] ?? '';
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', words[element.dataset.i18nLabel] ?? '');
  return words;
}
