import { describe, expect, it } from 'vitest';
import { matchArticleMarker, matchPartHeading } from '../../ingest/numbering.ts';

describe('matchArticleMarker', () => {
  it.each([
    ['(12)优化能源消费结构。扩大新能源装机规模', 12, '优化能源消费结构。扩大新能源装机规模'],
    ['（12）优化能源消费结构。', 12, '优化能源消费结构。'],
    ['（１２）优化能源消费结构。', 12, '优化能源消费结构。'],
    ['（十二）优化能源消费结构。', 12, '优化能源消费结构。'],
    ['( 3 )总体要求。', 3, '总体要求。'],
    ['第十二条 优化能源消费结构。', 12, '优化能源消费结构。'],
    ['第36条确保规划建议目标任务落到实处。', 36, '确保规划建议目标任务落到实处。'],
  ])('%s → article %i', (line, number, rest) => {
    expect(matchArticleMarker(line)).toEqual({ number, rest });
  });

  it.each([
    '八、增进民生福祉,扎实推动共同富裕',
    '优化能源消费结构(12)。',
    '——生态环境质量明显改善。',
    '实施镇(街道)履行职责事项清单',
    '第十二部分 附则',
  ])('%s is not an article', (line) => {
    expect(matchArticleMarker(line)).toBeNull();
  });
});

describe('matchPartHeading', () => {
  it.each([
    ['八、增进民生福祉,扎实推动共同富裕', 8, '增进民生福祉,扎实推动共同富裕'],
    [
      '十、加强党的全面领导和党的建设,为实现“十五五”规划提供坚强保证',
      10,
      '加强党的全面领导和党的建设,为实现“十五五”规划提供坚强保证',
    ],
    ['第八部分 增进民生福祉', 8, '增进民生福祉'],
    ['第八部分：增进民生福祉', 8, '增进民生福祉'],
    ['第8部分 增进民生福祉', 8, '增进民生福祉'],
  ])('%s → part %i', (line, number, rest) => {
    expect(matchPartHeading(line)).toEqual({ number, rest });
  });

  it.each([
    '(8)增进民生福祉。',
    '一、',
    '第八部分',
    '8、增进民生福祉',
    '——增进民生福祉',
    '第八条 增进民生福祉',
  ])('%s is not a part heading', (line) => {
    expect(matchPartHeading(line)).toBeNull();
  });
});
