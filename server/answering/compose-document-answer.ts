import type { Article, Part } from '../../core/document-model.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { articleByNumber, partByNumber, partOf } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { DocumentQuestion } from '../query/document-question.ts';
import type { AnswerContext, DraftAnswer } from './answer-types.ts';
import { uniqueCitations } from './citation-of.ts';
import { composeGoals } from './compose-lists.ts';
import { QuoteWriter } from './quote-writer.ts';
import type { Evidence } from './select-evidence.ts';

/** What answering a question about the document needs: the parsed document, the policy and the audience. */
export type DocumentAnswerInput = Pick<
  AnswerContext,
  'document' | 'policy' | 'mode' | 'goalOrdinal'
>;

/**
 * The answer to a question about the document itself or its structure (server/query/document-question.ts), from the
 * parsed structure. Every line is template text (data/answer-templates.json `document`) or a verbatim quote: quotes of
 * an article carry its marker and citation; text that no article holds (the adoption note, the preamble, the closing,
 * headings) is quoted in quotation marks without a marker, since a citation names an article. Pure.
 */
export function composeDocumentAnswer(
  question: DocumentQuestion,
  input: DocumentAnswerInput,
): DraftAnswer {
  const { document: doc, policy } = input;
  const writer = new QuoteWriter(doc, policy.templates);
  const { fill } = policy.templates;
  /** Verbatim document text outside every article, in quotation marks, after optional template text. */
  const quoteUncited = (text: string, prefix = '') =>
    writer.lines.push(`${prefix}${fill('quote', { quote: text })}`);
  const partChinese = (part: Part) => toChineseNumeral(part.number);
  // The part's articles, under a lead that names the part by its title when the question did not ask for the title
  // (第六部分包括哪几条: the titles of its articles answer, and come first).
  const listPartArticles = (part: Part, titled: boolean) => {
    writer.say(titled ? 'document.partArticlesTitled' : 'document.partArticles', {
      partChinese: partChinese(part),
      partTitle: part.title,
      count: part.articleNumbers.length,
      articles: articleSpan(part.articleNumbers, input),
    });
    for (const number of part.articleNumbers) {
      const article = articleByNumber(doc, number);
      if (article)
        writer.quote(titleSentence(article), fill('document.articleItem', { article: number }));
    }
  };

  switch (question.kind) {
    case 'adoption':
      writer.say('document.adoption');
      quoteUncited(doc.adoptionNote);
      break;
    case 'title':
      writer.say('document.title');
      quoteUncited(doc.title);
      break;
    case 'part-count':
    case 'part-list':
      writer.say(question.kind === 'part-count' ? 'document.partCount' : 'document.partList', {
        count: doc.parts.length,
      });
      for (const part of doc.parts)
        quoteUncited(part.title, fill('document.partItem', { partChinese: partChinese(part) }));
      break;
    case 'article-count': {
      const numbers = doc.articles.map((article) => article.number);
      writer.say('document.articleCount', {
        count: numbers.length,
        articles: articleSpan(numbers, input),
        parts: doc.parts.length,
      });
      if (input.mode !== 'citizen')
        for (const part of doc.parts)
          writer.say('document.partSpan', {
            partChinese: partChinese(part),
            articles: articleSpan(part.articleNumbers, input),
          });
      const last = doc.articles.at(-1)!;
      writer.quote(titleSentence(last), fill('document.lastArticle', { article: last.number }));
      break;
    }
    case 'part-title': {
      const part = partByNumber(doc, question.part)!;
      quoteUncited(part.title, fill('document.partTitle', { partChinese: partChinese(part) }));
      listPartArticles(part, false);
      break;
    }
    case 'part-articles': {
      listPartArticles(partByNumber(doc, question.part)!, true);
      break;
    }
    case 'part-intro': {
      // One line: the part named by its title, then its opening, which answers.
      const part = partByNumber(doc, question.part)!;
      quoteUncited(
        part.intro,
        fill('document.partIntroTitled', { partChinese: partChinese(part), partTitle: part.title }),
      );
      break;
    }
    case 'part-of-article': {
      const article = articleByNumber(doc, question.article)!;
      const part = partOf(doc, article);
      quoteUncited(
        part.title,
        fill('document.partOfArticle', { article: article.number, partChinese: partChinese(part) }),
      );
      writer.quote(
        titleSentence(article),
        fill('document.articleTitle', { article: article.number }),
      );
      writer.say('document.partIncludes', {
        partChinese: partChinese(part),
        articles: articleSpan(part.articleNumbers, input),
      });
      break;
    }
    case 'preamble':
      writer.say('document.preamble');
      quoteUncited(doc.preamble);
      break;
    case 'closing':
      writer.say('document.closing');
      quoteUncited(doc.closing);
      break;
    case 'vision': {
      const vision = doc.vision2035!;
      const article = articleByNumber(doc, vision.articleNumber)!;
      writer.say('document.vision', { article: article.number });
      for (const evidence of sentencesOf(article, vision.start, vision.end)) writer.quote(evidence);
      break;
    }
    case 'mentions': {
      const { mentions } = question;
      const shown = mentions.slice(0, policy.budgets[input.mode].listItems);
      const articles = [...new Set(mentions.map((mention) => mention.article))];
      writer.say('document.mentions', {
        count: articles.length,
        phrases: question.phrases.map((phrase) => fill('quote', { quote: phrase })).join('、'),
      });
      for (const mention of shown) {
        const article = articleByNumber(doc, mention.article)!;
        writer.quote(
          { article, sentence: mention.sentence, score: 0, position: mention.position },
          fill('document.mentionItem', { article: article.number, title: article.title }),
        );
      }
      const rest = [...new Set(mentions.slice(shown.length).map((mention) => mention.article))];
      if (rest.length > 0)
        writer.say('document.mentionsMore', {
          articles: rest.map((number) => policy.templates.articleLabel(number)).join('、'),
        });
      break;
    }
    case 'main-goals': {
      const article = articleByNumber(doc, doc.mainGoals[0]!.articleNumber)!;
      composeGoals(input, article, writer);
      break;
    }
  }
  return {
    answer: writer.lines.join('\n'),
    answered: true,
    citations: uniqueCitations(writer.citations),
    related: [],
  };
}

/** An article's first sentence, its title with the full stop: 提升城市功能品质。 */
function titleSentence(article: Article): Evidence {
  const [sentence] = splitSentences(article.text);
  return { article, sentence: sentence!, score: 0, position: 0 };
}

/** The sentences of article.text[start, end), with offsets into the article. */
function sentencesOf(article: Article, start: number, end: number): Evidence[] {
  return splitSentences(article.text.slice(start, end)).map((sentence, index) => ({
    article,
    score: 0,
    position: index,
    sentence: { text: sentence.text, start: start + sentence.start, end: start + sentence.end },
  }));
}

/** 第22条至第24条 for consecutive numbers, 第5条 for one, else 第1条、第3条. */
function articleSpan(numbers: readonly number[], input: DocumentAnswerInput): string {
  const { templates } = input.policy;
  const first = numbers[0];
  const last = numbers.at(-1);
  if (first === undefined || last === undefined) return '';
  if (numbers.length === 1) return templates.articleLabel(first);
  const consecutive = numbers.every((number, index) => number === first + index);
  return consecutive
    ? templates.fill('document.articleRange', { first, last })
    : numbers.map((number) => templates.articleLabel(number)).join('、');
}
