// POST /api/conversation/export: a real conversation (answers from /api/chat) as a Word file, opened by LibreOffice;
// quotes that are not the document's own are refused with the usual JSON error.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../../core/content-disposition.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import type {
  ConversationExportRequest,
  ExportedAnswer,
} from '../../core/wire/conversation-export-wire.ts';
import { conversationQuoteProblems } from '../../server/conversation/conversation-quote-problems.ts';
import { DOCX_CONTENT_TYPE } from '../../server/office/office-content-types.ts';
import { binaryBody } from '../helpers/binary-body.ts';
import { answerMarker } from '../helpers/extractive-lines.ts';
import {
  CONVERSION_TIMEOUT,
  convertToPdf,
  pdfOutline,
  pdfText,
  squeeze,
  type ConvertedFiles,
} from '../helpers/libreoffice.ts';
import { docxParagraphs } from '../helpers/office-files.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const QUESTIONS = ['第12条讲什么？', '看病方面有什么新变化？', '红烧羊肉怎么做？'];
const marker = answerMarker();

let built: BuiltIndex;
let testApp: TestApp;
let conversation: ConversationExportRequest;
let exported: { body: Buffer; headers: Record<string, string> };
let converted: ConvertedFiles;

/** The conversation as the page holds it: each question, then the server's answer with its citations. */
async function converse(questions: string[]): Promise<ConversationExportRequest> {
  const messages: ConversationExportRequest['messages'] = [];
  for (const question of questions) {
    const answer = (
      await request(testApp.app).post('/api/chat').send({ message: question, mode: 'citizen' })
    ).body as ChatResponse;
    messages.push(
      { role: 'user', content: question },
      {
        role: 'assistant',
        content: answer.answer,
        status: 'done',
        answered: answer.answered,
        citations: answer.citations,
        related: answer.related,
        provider: answer.provider,
      },
    );
  }
  return { mode: 'citizen', messages };
}

function postExport(body: unknown, query = '') {
  return request(testApp.app)
    .post(`/api/conversation/export${query}`)
    .send(body as object);
}

beforeAll(async () => {
  built = await buildPlanIndex();
  testApp = await createTestApp({ built });
  conversation = await converse(QUESTIONS);
  const response = await postExport(conversation).buffer(true).parse(binaryBody).expect(200);
  exported = { body: response.body as Buffer, headers: response.headers as Record<string, string> };
  converted = await convertToPdf({ 'conversation.docx': exported.body });
}, CONVERSION_TIMEOUT);

afterAll(async () => {
  await converted?.cleanup();
  await built?.cleanup();
});

const answers = () =>
  conversation.messages.filter(
    (message): message is ExportedAnswer => message.role === 'assistant',
  );

describe('POST /api/conversation/export', { timeout: CONVERSION_TIMEOUT }, () => {
  it('returns a Word file named with the time of export', () => {
    expect(exported.headers['content-type']).toBe(DOCX_CONTENT_TYPE);
    expect(fileNameFromDisposition(exported.headers['content-disposition'])).toMatch(
      /^规划问答-对话-\d{8}-\d{4}\.docx$/,
    );
  });

  it('LibreOffice shows every question, every answer line and every citation with its quote', async () => {
    expect(answers().some((answer) => answer.citations.length > 1)).toBe(true);
    expect(answers().some((answer) => !answer.answered)).toBe(true);
    const text = squeeze(await pdfText(converted.pdf('conversation.docx')));
    expect(text).toContain('规划问答对话记录');
    expect(text).toContain(squeeze(built.index.document.title));
    for (const message of conversation.messages) {
      for (const line of message.content.split('\n').filter((candidate) => candidate.trim()))
        expect(text).toContain(squeeze(line));
      if (message.role === 'user') continue;
      for (const citation of message.citations) {
        const article = articleByNumber(built.index.document, citation.article)!;
        expect(text).toContain(squeeze(`第${article.number}条 ${article.title}`));
        expect(text).toContain(squeeze(`“${citation.quote}”${marker.format(citation.article)}`));
      }
    }
    // The unanswered question says so.
    expect(text).toContain('（未在规划建议中找到明确依据）');
  });

  it('each question is a heading, so the navigation pane lists the conversation', async () => {
    const outline = await pdfOutline(converted.pdf('conversation.docx'));
    expect(outline.map((entry) => entry.title)).toEqual(
      QUESTIONS.map((question, index) => `${index + 1}. 问：${question}`),
    );
  });

  it('every cited quote in the file is verbatim from its article, and every citation is there', () => {
    const articleText = (number: number) => articleByNumber(built.index.document, number)!.text;
    // Answer lines and citations alike: a paragraph ending in 〔第N条〕 ends with “a passage” of article N.
    const cited = docxParagraphs(exported.body).flatMap((paragraph) => {
      const article = marker.trailingArticle(paragraph);
      if (article === null) return [];
      const body = paragraph.slice(0, -marker.format(article).length);
      expect(body.endsWith('”'), paragraph).toBe(true);
      const verbatim = [...body.matchAll(/“/g)].some(({ index = 0 }) =>
        articleText(article).includes(body.slice(index + 1, -1)),
      );
      expect(verbatim, paragraph).toBe(true);
      return [paragraph];
    });
    const citations = answers().flatMap((answer) =>
      answer.citations.map((citation) => `“${citation.quote}”${marker.format(citation.article)}`),
    );
    expect(citations.length).toBeGreaterThan(2);
    // The citations, in order, among them.
    let from = 0;
    for (const citation of citations) {
      const at = cited.indexOf(citation, from);
      expect(at, citation).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it('refuses a conversation whose quotes are not the document’s, with the usual JSON error', async () => {
    const withCitations = conversation.messages.findIndex(
      (message) => message.role === 'assistant' && message.citations.length > 0,
    );
    const answer = conversation.messages[withCitations] as ExportedAnswer;
    const citation = answer.citations[0]!;
    const tampered = (change: Partial<ExportedAnswer>): ConversationExportRequest => ({
      ...conversation,
      messages: conversation.messages.map((message, index) =>
        index === withCitations ? { ...answer, ...change } : message,
      ),
    });
    const cases: Array<[string, ConversationExportRequest]> = [
      [
        'a citation that changes the document’s words',
        tampered({ citations: [{ ...citation, quote: `${citation.quote.slice(0, -2)}不变。` }] }),
      ],
      [
        'a citation of an article the document lacks',
        tampered({ citations: [{ ...citation, article: 99 }] }),
      ],
      [
        'an answer that puts words in the document’s mouth',
        tampered({ content: `规划提出“每户发放一万元补贴”${marker.format(citation.article)}` }),
      ],
    ];
    for (const [name, body] of cases) {
      const response = await postExport(body);
      expect(response.status, name).toBe(400);
      expect(response.headers['content-type'], name).toContain('application/json');
      expect(response.body.error.code, name).toBe('invalid_request');
      expect(response.body.error.message, name).toMatch(/verbatim|article/);
    }
  });

  it('rejects malformed conversations and other formats', async () => {
    const answer = answers()[0]!;
    for (const [name, body] of [
      ['no messages', { mode: 'staff', messages: [] }],
      ['not an array', { messages: 'hello' }],
      ['an unknown role', { messages: [{ role: 'system', content: 'x' }] }],
      ['an unknown audience', { mode: 'admin', messages: [{ role: 'user', content: 'x' }] }],
      ['an answer without status', { messages: [{ ...answer, status: undefined }] }],
      [
        'more messages than the page keeps',
        { messages: Array.from({ length: 201 }, () => ({ role: 'user', content: '问' })) },
      ],
      ['an over-long question', { messages: [{ role: 'user', content: '问'.repeat(1001) }] }],
    ] as const) {
      const response = await postExport(body);
      expect(response.status, name).toBe(400);
      expect(response.body.error.code, name).toBe('invalid_request');
    }
    const pdf = await postExport(conversation, '?format=pdf');
    expect(pdf.status).toBe(400);
    const form = await request(testApp.app)
      .post('/api/conversation/export')
      .type('form')
      .send('messages=1');
    expect(form.status).toBe(415);
  });

  it('takes a long conversation beyond the 64 KB other requests may send, up to 1 MB', async () => {
    const turn = conversation.messages.slice(0, 2);
    const long = { mode: 'staff', messages: Array.from({ length: 100 }, () => turn).flat() };
    expect(Buffer.byteLength(JSON.stringify(long))).toBeGreaterThan(64 * 1024);
    const ok = await postExport(long).buffer(true).parse(binaryBody);
    expect(ok.status).toBe(200);
    const huge = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(1100 * 1024) }] });
    const tooLarge = await request(testApp.app)
      .post('/api/conversation/export')
      .set('Content-Type', 'application/json')
      .send(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toEqual({
      code: 'payload_too_large',
      message: 'the request body exceeds 1024 KB',
    });
  });
});

describe('conversationQuoteProblems', () => {
  const document = () => built.index.document;
  const answerWith = (content: string): ConversationExportRequest => ({
    mode: 'staff',
    messages: [
      { role: 'user', content: '问' },
      {
        role: 'assistant',
        content,
        status: 'done',
        answered: true,
        citations: [],
        related: [],
        provider: 'offline',
      },
    ],
  });

  it('accepts quotes that hold quotes of their own, width and punctuation variants, and several markers', () => {
    const nested = document().articles.find((article) => /“[^”]+”/.test(article.text))!;
    const sentence = nested.text.split('。').find((part) => part.includes('“'))!;
    const other = document().articles.find((article) => article.number !== nested.number)!;
    for (const content of [
      `规划提出：“${sentence}”${marker.format(nested.number)}`,
      `“${sentence.replace(/,/g, '，')}”${marker.format(nested.number)}`,
      `“${sentence}”${marker.format(other.number)}${marker.format(nested.number)}`,
      `规划中没有“红烧羊肉”的说法。`,
    ])
      expect(conversationQuoteProblems(answerWith(content), document(), marker), content).toEqual(
        [],
      );
  });

  it('names the message whose quote the cited article does not hold', () => {
    const problems = conversationQuoteProblems(
      answerWith(`“乌海将举办奥运会”${marker.format(12)}`),
      document(),
      marker,
    );
    expect(problems).toEqual([expect.stringContaining('messages.1')]);
  });
});
