// Every user-visible string of the staff insight page (/admin), in one place like ../strings.ts.

export const A = {
  pageTitle: '规划问答 · 问答情况',
  heading: '问答情况',
  subheading: '居民提了哪些问题、哪些没有答上、哪些回答被认为没帮助。仅供工作人员使用。',

  // Token
  tokenHeading: '请输入管理令牌',
  tokenHint: '令牌由系统管理员配置（ADMIN_TOKEN），只保存在本标签页中，关闭页面即失效。',
  tokenLabel: '管理令牌',
  tokenSubmit: '进入',
  tokenWrong: '令牌不正确，请重新输入。',
  tokenLimited: '尝试次数过多，请稍后再试。',

  // Controls
  rangeLabel: '时间范围',
  rangeDays: (days: number): string => `近 ${days} 天`,
  refresh: '刷新',
  signOut: '退出',
  loading: '正在加载……',
  loadFailed: '数据加载失败，请稍后刷新重试。',
  storeDown: '问答记录库暂时不可用，请稍后刷新重试。',
  exportCsv: '导出 CSV',
  exportFailed: '导出失败，请重试。',

  // Overview
  overviewHeading: '提问概况',
  overviewTotals: (questions: number, answered: number, share: string): string =>
    `共 ${questions} 个问题，已回答 ${answered} 个（${share}）。`,
  overviewFeedback: (up: number, down: number): string =>
    `评价：有帮助 ${up} 次，没帮助 ${down} 次。`,
  modeColumn: '身份',
  dateColumn: '日期',
  questionsColumn: '提问数',
  answeredColumn: '已回答',
  shareColumn: '回答率',
  totalColumn: '合计',
  perDayCaption: '每日提问数与回答率',
  byModeCaption: '按身份',

  // Articles
  articlesHeading: '最常问到的条文',
  articleColumn: '条文',
  titleColumn: '标题',
  timesColumn: '被引用的问题数',

  // Unanswered
  unansweredHeading: '未回答的问题',
  unansweredHint: '关键词相同的问题合并为一组，按提问次数排列。',
  questionColumn: '问题',
  countColumn: '次数',
  variantsColumn: '其他问法',
  keywordsColumn: '关键词',
  lastAskedColumn: '最近提问',
  actionsColumn: '操作',
  replay: '重新提问',

  // Feedback
  feedbackHeading: '被评为“没帮助”的回答',
  commentColumn: '意见',
  ratedAtColumn: '评价时间',
  answeredStateColumn: '当时是否回答',
  yes: '是',
  no: '否（未找到依据）',
  noComment: '（未填写）',

  empty: '暂无记录。',
  percent: (share: number): string => `${(share * 100).toFixed(1)}%`,
  none: '—',
} as const;
