// Every user-visible Chinese string lives here so wording can be reviewed
// (and later translated or tuned) without touching behaviour code.
import type { Mode } from './types';

export const MODES: readonly Mode[] = ['staff', 'citizen', 'trainer'];

interface ModeStrings {
  label: string;
  hint: string;
  starters: readonly string[];
}

export const MODE_STRINGS: Record<Mode, ModeStrings> = {
  staff: {
    label: '工作人员',
    hint: '侧重条文依据与政策要点，便于工作中引用。',
    starters: [
      '第12条讲什么？',
      '黄河乌海段水质目标是什么？',
      '固态电池产业集群有哪些部署？',
      '中试基地要怎么建设？',
    ],
  },
  citizen: {
    label: '市民',
    hint: '用通俗的语言解读与日常生活相关的内容。',
    starters: [
      '看病方面有什么新变化？',
      '冬天取暖有什么打算？',
      '找工作有哪些支持？',
      '孩子上学会有哪些变化？',
    ],
  },
  trainer: {
    label: '培训',
    hint: '按部分梳理框架与要点，适合学习培训和讲解。',
    starters: [
      '第八部分讲了哪些内容？',
      '主要目标有哪些？',
      '“十五五”时期乌海面临哪些机遇和挑战？',
      '如何铸牢中华民族共同体意识？',
    ],
  },
};

export const S = {
  appName: '规划问答',
  pageTitle: '规划问答 · 乌海市“十五五”规划建议',
  docTitle: '《乌海市委关于制定国民经济和社会发展第十五个五年规划的建议》',
  docShort: '乌海市“十五五”规划建议',

  // Header and layout
  outlineToggle: '目录',
  newChat: '新对话',
  exportChat: '导出 Markdown',
  exportChatWord: '导出 Word',
  exportVerb: '导出',
  audienceLegend: '使用身份',

  // Welcome
  welcomeTitle: '您好，我可以帮您查阅和解读规划建议',
  welcomeBody: '问题的回答均依据规划建议原文，并标注出处条文。点击“第N条”可查看原文。',
  startersHeading: '可以这样问：',

  // Composer
  inputLabel: '输入问题',
  inputPlaceholder: '请输入关于规划建议的问题……',
  send: '发送',
  stop: '停止',
  composerHint: 'Enter 发送，Shift+Enter 换行',
  disclaimer: '回答由系统依据规划建议原文自动生成，仅供参考，请以原文为准。',
  tooLong: (n: number, max: number): string => `已输入 ${n} / ${max} 字`,
  busy: '正在回答中，请稍候或点击“停止”。',

  // Messages
  conversationLabel: '对话记录',
  youSaid: '我的问题',
  assistantSaid: '规划问答的回答',
  thinking: '正在查阅规划建议……',
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败，请手动选择文字复制',
  retry: '重试',
  stopped: '已停止生成，以下为部分回答。',
  stoppedEmpty: '已停止生成。',
  offlineNotice: '智能模型暂时不可用，本回答由离线检索生成，表述可能较为简略。',
  refusalTitle: '这个问题在规划建议中没有找到明确依据',
  relatedHeading: '您可以查看以下相关条文：',
  sourcesHeading: (n: number): string => `引用原文（${n} 处）`,

  // Feedback under each answer
  feedbackPrompt: '这个回答有帮助吗？',
  feedbackUp: '有帮助',
  feedbackDown: '没帮助',
  feedbackCommentLabel: '哪里没有帮助？（选填）',
  feedbackCommentPlaceholder: '例如：没有回答我的问题、引用的条文不对……',
  feedbackSubmit: '提交意见',
  feedbackSending: '正在提交……',
  feedbackThanks: '感谢您的反馈。',
  feedbackDownThanks: '感谢您的反馈。可以在上面补充说明哪里没有帮助。',
  feedbackCommentThanks: '已收到您的意见，谢谢。',
  feedbackFailed: '反馈提交失败，请稍后再试。',
  feedbackExpired: '这条回答已无法评价（记录已过期或未保存）。',

  // Errors (shown with a 重试 button)
  errNetwork: '网络连接失败，请检查网络后重试。',
  errRateLimit: '提问太频繁了，请稍等片刻再试。',
  errRateLimitSeconds: (s: number): string => `提问太频繁了，请约 ${s} 秒后再试。`,
  errServer: '服务暂时出现问题，请稍后重试。',
  errTooLarge: '问题或对话内容过长，请精简后再试，或点击“新对话”重新开始。',
  errBadRequest: '请求未被接受，请修改问题后再试。',
  errStream: '回答过程中连接中断，请重试。',
  errUnknown: '出现未知错误，请重试。',
  errCode: (code: string): string => `（错误代码：${code}）`,

  // Outline and search
  outlineLabel: '规划目录',
  outlineClose: '关闭目录',
  filterLabel: '筛选条目或搜索全文',
  filterPlaceholder: '筛选条目或搜索全文',
  outlineLoading: '正在加载目录……',
  outlineFailed: '目录加载失败。',
  noTitleMatch: '没有标题匹配的条目。',
  searchHeading: '全文检索',
  searching: '正在检索……',
  searchFailed: '全文检索暂时不可用。',
  searchEmpty: '未检索到相关内容。',
  preamble: '前言',

  // Article panel
  panelClose: '关闭',
  panelLoading: '正在加载原文……',
  panelFailed: '原文加载失败。',
  panelNotFound: '未找到该条文。',
  panelPrev: '上一条',
  panelNext: '下一条',
  articleFallbackTitle: (n: number): string => `第${n}条`,

  // Export and toasts
  exported: '已导出对话记录',
  exportFailed: '导出失败，请重试。',
  nothingToExport: '暂无对话可导出',
  mdTitle: '规划问答 对话记录',
  mdSource: '依据文件',
  mdExportedAt: '导出时间',
  mdMode: '使用身份',
  mdQuestion: '问',
  mdAnswer: '答',
  mdSources: '引用原文',
  mdRelated: '相关条文',
  mdRefused: '（未在规划建议中找到明确依据）',
  mdStopped: '（回答已停止，内容不完整）',
  mdFailed: '（回答失败）',
  mdOffline: '（离线检索生成）',
  fileNamePrefix: '规划问答-对话',

  // View tabs (市民 / 培训 get a purpose-built view next to the chat)
  viewTabsLabel: '查看方式',
  viewChat: '对话',
  viewTopics: '生活话题',
  viewStudy: '学习材料',

  // Life topics (市民)
  topicsHeading: '按生活话题查看',
  topicsIntro: '选择一个话题，查看规划建议中与之相关的原文。',
  topicsLoading: '正在加载话题……',
  topicsFailed: '话题加载失败。',
  topicArticleCount: (n: number): string => `涉及 ${n} 条`,
  topicBack: '← 全部话题',
  topicLoading: '正在加载……',
  topicFailed: '该话题加载失败。',
  topicAsk: '问一问',
  topicAskHint: '把关于这个话题的问题放进输入框',
  topicQuestion: (name: string): string => `在${name}方面，规划建议有哪些打算？`,
  topicSentencesLabel: '原文摘录',

  // Study packs (培训)
  studyHeading: '生成学习材料',
  studyIntro:
    '选择一个部分、若干条文或一个主题，生成学习提纲、重点词语、讨论题和测验。所有内容均摘自原文并标注条文。',
  studyScope: '学习范围',
  studyScopePart: '整个部分',
  studyScopeArticles: '选择条文',
  studyScopeTopic: '按主题',
  studyPart: '部分',
  studyArticles: '条文',
  studyTopic: '主题',
  studyTopicPlaceholder: '如：就业、黄河治理、固态电池',
  studyQuestions: '测验题数',
  studyQuestionsHint: '0–30 题',
  studyGenerate: '生成学习材料',
  studyGenerating: '正在生成学习材料……',
  studyOutlineLoading: '正在加载目录……',
  studyNeedArticles: '请至少选择一条条文。',
  studyNeedTopic: '请输入主题。',
  studyBadQuestions: '测验题数应为 0 到 30 之间的整数。',
  studyNotFound: '规划建议中没有与此相关的条文。',
  studyPrint: '打印',
  studyDownload: '下载 Markdown',
  studyDownloadWord: '下载 Word',
  studyDownloadSlides: '下载 PPT',
  studyExportFailed: '导出失败，请重试。',
  studyDownloaded: '已下载学习材料',
  studyPopupBlocked: '浏览器阻止了新窗口，已改为打印当前预览。',
  studyOutline: '学习提纲',
  studyKeyTerms: '重点词语',
  studyDiscussion: '讨论题',
  studyQuiz: (n: number): string => `测验（${n} 题）`,
  studyQuizEmpty: '未生成测验题。',
  showAnswer: '显示答案',
  hideAnswer: '隐藏答案',
  answerLabel: '答案：',
  answerSource: '出处：',
  studyFilePrefix: '学习材料',
  welcomeStudy: '也可以按部分、条文或主题生成学习提纲、讨论题和测验。',
  welcomeStudyOpen: '打开学习材料',

  // Glossary popover
  glossaryDefinition: '原文释义',
  glossaryUsedIn: (n: number): string => `出现在 ${n} 条中：`,
  glossaryClose: '关闭',
} as const;

/** "第四部分" style label for a part number. */
export const partLabel = (roman: string): string => `第${roman}部分`;
export const articleLabel = (n: number): string => `第${n}条`;
