import { fillTemplate } from '../../core/fill-template.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { safeFileName } from '../../core/content-disposition.ts';
import { studyTemplates } from './study-templates.ts';
import type { StudyPack } from './study-types.ts';

export interface StudyFileName {
  /** What the user's browser saves: 第三部分学习辅导材料.docx */
  fileName: string;
  /** For clients without RFC 5987: study-pack-part-3.docx */
  asciiName: string;
}

/** The download name of a pack, from the selection (part, articles or topic) and the file's extension. */
export function studyFileName(pack: StudyPack, extension: string): StudyFileName {
  const templates = studyTemplates().office.fileName;
  const { kind, part, topic, articles } = pack.selection;
  const stem =
    kind === 'part' && part !== undefined
      ? fillTemplate(templates.part, { partChinese: toChineseNumeral(part) }, { name: 'part' })
      : kind === 'topic' && topic !== undefined
        ? fillTemplate(templates.topic, { topic }, { name: 'topic' })
        : fillTemplate(
            templates.articles,
            { articleList: articles.join('、') },
            { name: 'articles' },
          );
  const asciiStem =
    kind === 'part'
      ? `study-pack-part-${part}`
      : kind === 'topic'
        ? 'study-pack-topic'
        : `study-pack-articles-${articles.slice(0, 12).join('-')}`;
  return {
    fileName: `${safeFileName(stem, 60)}.${extension}`,
    asciiName: `${asciiStem}.${extension}`,
  };
}
