// Study packs as Word and PowerPoint files, opened the way a user's software opens them: the real app serves the
// files, LibreOffice converts them to PDF once (beforeAll), and poppler reads text, pages, bookmarks and word boxes.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../../core/content-disposition.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { DOCX_CONTENT_TYPE } from '../../server/office/office-content-types.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import { planStudySlides, SLIDE_GEOMETRY } from '../../server/study/plan-study-slides.ts';
import { PPTX_CONTENT_TYPE } from '../../server/office/office-content-types.ts';
import { answerLine, optionLine } from '../../server/study/study-office-text.ts';
import type { StudyPack } from '../../server/study/study-types.ts';
import { binaryBody } from '../helpers/binary-body.ts';
import { answerMarker } from '../helpers/extractive-lines.ts';
import {
  CONVERSION_TIMEOUT,
  convertToPdf,
  pdfOutline,
  pdfPageCount,
  pdfText,
  pdfWordBoxes,
  squeeze,
  type ConvertedFiles,
} from '../helpers/libreoffice.ts';
import { docxParagraphs, pptxSlides } from '../helpers/office-files.ts';
import { buildPlanIndex, readSource, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Download {
  body: Buffer;
  headers: Record<string, string>;
}

const WHOLE_PART = { part: 8, questions: 10 };
/** Part 一 holds the plan's longest sentences (article 3's goals run to about 400 characters). */
const LONG_SENTENCES = { part: 1, questions: 10 };
const marker = answerMarker();

let built: BuiltIndex;
let testApp: TestApp;
let partEight: StudyPack;
let partOne: StudyPack;
let word: Download;
let slides: Download;
let longSlides: Download;
let converted: ConvertedFiles;

async function download(body: object, format: 'docx' | 'pptx'): Promise<Download> {
  const response = await request(testApp.app)
    .post(`/api/study?format=${format}`)
    .send(body)
    .buffer(true)
    .parse(binaryBody)
    .expect(200);
  return { body: response.body as Buffer, headers: response.headers as Record<string, string> };
}

async function pack(body: object): Promise<StudyPack> {
  return (await request(testApp.app).post('/api/study').send(body).expect(200)).body as StudyPack;
}

beforeAll(async () => {
  built = await buildPlanIndex();
  testApp = await createTestApp({ built });
  [partEight, partOne] = await Promise.all([pack(WHOLE_PART), pack(LONG_SENTENCES)]);
  [word, slides, longSlides] = await Promise.all([
    download(WHOLE_PART, 'docx'),
    download(WHOLE_PART, 'pptx'),
    download(LONG_SENTENCES, 'pptx'),
  ]);
  converted = await convertToPdf({
    'part8-word.docx': word.body,
    'part8-slides.pptx': slides.body,
    'part1-slides.pptx': longSlides.body,
  });
}, CONVERSION_TIMEOUT);

afterAll(async () => {
  await converted?.cleanup();
  await built?.cleanup();
});

const articleText = (number: number) => articleByNumber(built.index.document, number)!.text;
const firstLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '') ?? '';

/** The quotes a file must carry, each cited: key points, key terms and the answer key's sources. */
function expectedQuotes(studyPack: StudyPack): Array<{ quote: string; article: number }> {
  return [
    ...studyPack.outline.flatMap((item) =>
      item.points.map((point) => ({ quote: point.quote, article: point.citation.article })),
    ),
    ...studyPack.keyTerms.map((term) => ({ quote: term.quote, article: term.article })),
    ...studyPack.quiz.map((item) => ({ quote: item.quote, article: item.article })),
  ];
}

/** Every paragraph ending in 〔第N条〕 holds “a quote” verbatim from article N; returns the quotes found. */
function citedQuotes(paragraphs: string[]): Array<{ quote: string; article: number }> {
  return paragraphs.flatMap((paragraph) => {
    const article = marker.trailingArticle(paragraph);
    if (article === null) return [];
    const body = paragraph.slice(0, -marker.format(article).length);
    expect(body.endsWith('”'), paragraph).toBe(true);
    const quote = body.slice(body.indexOf('“') + 1, -1);
    expect(articleText(article), `〔第${article}条〕 quotes it verbatim`).toContain(quote);
    return [{ quote, article }];
  });
}

describe('study packs as Word and PowerPoint files', { timeout: CONVERSION_TIMEOUT }, () => {
  it('are downloads with their media type and a UTF-8 file name (RFC 5987)', async () => {
    expect(word.headers['content-type']).toBe(DOCX_CONTENT_TYPE);
    expect(slides.headers['content-type']).toBe(PPTX_CONTENT_TYPE);
    for (const [file, name] of [
      [word, '第八部分学习辅导材料.docx'],
      [slides, '第八部分学习辅导材料.pptx'],
    ] as const) {
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+";/);
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%E7%AC%AC");
      expect(fileNameFromDisposition(file.headers['content-disposition'])).toBe(name);
    }
    const topic = await download({ topic: '清洁供暖', questions: 2 }, 'docx');
    expect(fileNameFromDisposition(topic.headers['content-disposition'])).toBe(
      '“清洁供暖”专题学习材料.docx',
    );
    const articles = await download({ articles: [17, 12], questions: 2 }, 'pptx');
    expect(fileNameFromDisposition(articles.headers['content-disposition'])).toBe(
      '第12、17条学习辅导材料.pptx',
    );
  });

  it('Word: LibreOffice shows the title, every cited article, each quiz question and the key', async () => {
    const text = squeeze(await pdfText(converted.pdf('part8-word.docx')));
    const document = built.index.document;
    expect(text).toContain(squeeze(partEight.title));
    expect(text).toContain(squeeze(document.title));
    expect(text).toContain(squeeze(document.adoptionNote));
    for (const article of partEight.selection.articles)
      expect(text).toContain(squeeze(marker.format(article)));
    for (const { quote, article } of expectedQuotes(partEight))
      expect(text).toContain(squeeze(`“${quote}”${marker.format(article)}`));
    for (const question of partEight.discussion) expect(text).toContain(squeeze(question.question));
    expect(partEight.quiz).toHaveLength(10);
    for (const item of partEight.quiz) {
      expect(text).toContain(squeeze(item.prompt));
      item.options?.forEach((option, position) =>
        expect(text).toContain(squeeze(optionLine(option, position))),
      );
      expect(text).toContain(squeeze(answerLine(item)));
    }
  });

  it('Word: real headings make the outline (navigation pane, PDF bookmarks)', async () => {
    const outline = await pdfOutline(converted.pdf('part8-word.docx'));
    expect(outline.filter((entry) => entry.depth === 1).map((entry) => entry.title)).toEqual([
      '学习提纲',
      '重点词语',
      '讨论题',
      '测验',
      '答案',
    ]);
    expect(outline.filter((entry) => entry.depth === 2).map((entry) => entry.title)).toEqual(
      partEight.outline.map((item) => `第${item.article}条 ${item.title}`),
    );
  });

  it('Word: the answer key starts on a page of its own after the whole quiz, and ends the document', async () => {
    const pdf = converted.pdf('part8-word.docx');
    const pages = await pdfPageCount(pdf);
    const keyPage = (await pdfOutline(pdf)).find((entry) => entry.title === '答案')!.page;
    expect(keyPage).toBeGreaterThan(2);
    const pageTexts = await Promise.all(
      Array.from({ length: pages }, (_, index) => pdfText(pdf, index + 1)),
    );
    expect(firstLine(pageTexts[keyPage - 1]!)).toBe('答案');
    const before = squeeze(pageTexts.slice(0, keyPage - 1).join(''));
    const key = squeeze(pageTexts.slice(keyPage - 1).join(''));
    for (const item of partEight.quiz) {
      expect(before).toContain(squeeze(item.prompt));
      expect(key).not.toContain(squeeze(item.prompt));
      expect(key).toContain(squeeze(`“${item.quote}”${marker.format(item.article)}`));
    }
    // The key is what the document ends with: its last answer is on the last page.
    const last = partEight.quiz.at(-1)!;
    expect(squeeze(pageTexts.at(-1)!)).toContain(squeeze(answerLine(last)));
  });

  it('PowerPoint: the slides the pack implies, in order, with the answer key on slides of its own at the end', async () => {
    const pdf = converted.pdf('part8-slides.pptx');
    const planned = planStudySlides(partEight, built.index.document, loadAnswerPolicy().templates);
    const pages = await pdfPageCount(pdf);
    // Title, at least one slide per article, key terms, discussion, quiz and key.
    expect(pages).toBeGreaterThanOrEqual(1 + partEight.outline.length + 4);
    expect(pages).toBe(planned.length);
    const pageTexts = await Promise.all(
      Array.from({ length: pages }, (_, index) => pdfText(pdf, index + 1)),
    );
    const squeezed = pageTexts.map(squeeze);
    planned.forEach((slide, index) =>
      expect(squeezed[index]!.startsWith(squeeze(slide.title)), `slide ${index + 1}`).toBe(true),
    );
    const cover = squeeze(pageTexts[0]!);
    expect(cover).toContain(squeeze(partEight.title));
    expect(cover).toContain(squeeze(built.index.document.title));
    expect(cover).toContain(squeeze(built.index.document.adoptionNote));
    // Each article opens a slide of its own, in document order.
    const articleSlides = partEight.outline.map((item) =>
      squeezed.findIndex((text) => text.startsWith(squeeze(`第${item.article}条 ${item.title}`))),
    );
    expect(articleSlides.every((index) => index > 0)).toBe(true);
    expect([...articleSlides].sort((left, right) => left - right)).toEqual(articleSlides);
    // The key's slides come last, and nothing else is on them.
    const isKey = (text: string) => text.startsWith('答案');
    const firstKey = squeezed.findIndex(isKey);
    expect(firstKey).toBeGreaterThan(articleSlides.at(-1)!);
    expect(squeezed.slice(firstKey).every(isKey)).toBe(true);
    const key = squeeze(pageTexts.slice(firstKey).join(''));
    const rest = squeeze(pageTexts.slice(0, firstKey).join(''));
    for (const item of partEight.quiz) {
      expect(rest).toContain(squeeze(item.prompt));
      expect(key).toContain(squeeze(answerLine(item)));
      expect(key).toContain(squeeze(`“${item.quote}”${marker.format(item.article)}`));
    }
    for (const article of partEight.selection.articles)
      expect(rest).toContain(squeeze(marker.format(article)));
  });

  it('PowerPoint: no text runs off a slide, the plan’s longest sentences included', async () => {
    const bodyBottom = (SLIDE_GEOMETRY.body.y + SLIDE_GEOMETRY.body.h) * 72;
    const footerTop = SLIDE_GEOMETRY.footer.y * 72;
    const footerBottom = (SLIDE_GEOMETRY.footer.y + SLIDE_GEOMETRY.footer.h) * 72;
    const longText = squeeze(await pdfText(converted.pdf('part1-slides.pptx')));
    // Part 一 needs continuation slides; every one of its quotes still arrives whole.
    expect(longText).toContain('（续）');
    for (const { quote, article } of expectedQuotes(partOne))
      expect(longText).toContain(squeeze(`“${quote}”${marker.format(article)}`));
    for (const deck of ['part8-slides.pptx', 'part1-slides.pptx']) {
      const pages = await pdfWordBoxes(converted.pdf(deck));
      expect(pages.length).toBeGreaterThan(10);
      for (const [index, page] of pages.entries()) {
        expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
        for (const word of page.words) {
          const where = `${deck} slide ${index + 1}: ${word.text}`;
          expect(word.xMin, where).toBeGreaterThanOrEqual(0);
          expect(word.xMax, where).toBeLessThanOrEqual(page.width);
          const inFooter =
            word.yMin >= footerTop - 2 &&
            word.yMax <= footerBottom + 2 &&
            word.yMax - word.yMin < 14;
          if (!inFooter) expect(word.yMax, where).toBeLessThanOrEqual(bodyBottom + 2);
        }
      }
    }
  });

  it('every quote in both files is verbatim from the document, and none is missing', async () => {
    const source = await readSource();
    const wordParagraphs = docxParagraphs(word.body);
    const slideParagraphs = pptxSlides(slides.body).flat();
    for (const paragraphs of [wordParagraphs, slideParagraphs]) {
      expect(citedQuotes(paragraphs)).toEqual(expectedQuotes(partEight));
      // Quoted words elsewhere (the part's title, an article's title or term in a discussion question) are the
      // document's own; a quiz sentence's blank is the only gap allowed.
      for (const paragraph of paragraphs.filter((text) => marker.trailingArticle(text) === null))
        for (const [, quoted] of paragraph.matchAll(/“([^“”]+)”/g))
          if (!quoted!.includes('＿')) expect(source, paragraph).toContain(quoted);
    }
  });

  it('bad input gets the usual JSON error, never a file', async () => {
    const thousand = Array.from({ length: 1000 }, (_, index) => index + 1);
    for (const format of ['docx', 'pptx']) {
      for (const body of [
        {},
        { articles: [] },
        { articles: thousand },
        { part: 11 },
        { part: 8, questions: 31 },
      ]) {
        const response = await request(testApp.app).post(`/api/study?format=${format}`).send(body);
        expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(response.headers['content-type']).toContain('application/json');
        expect(response.headers['content-disposition']).toBeUndefined();
        expect(response.body.error.code).toBe('invalid_request');
      }
      const tooMany = await request(testApp.app)
        .post(`/api/study?format=${format}`)
        .send({ articles: thousand });
      expect(tooMany.body.error.message).toContain('at most 36');
      const offTopic = await request(testApp.app)
        .post(`/api/study?format=${format}`)
        .send({ topic: '红烧羊肉的做法' });
      expect(offTopic.status).toBe(404);
      expect(offTopic.body.error.code).toBe('not_found');
    }
    for (const query of ['format=pdf', 'format=docx&format=pptx', 'format=DOCX']) {
      const response = await request(testApp.app).post(`/api/study?${query}`).send({ part: 8 });
      expect(response.status, query).toBe(400);
      expect(response.body.error.message).toContain('docx, pptx');
    }
    const form = await request(testApp.app)
      .post('/api/study?format=docx')
      .type('form')
      .send('part=8');
    expect(form.status).toBe(415);
  });
});
