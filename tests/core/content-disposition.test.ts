import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  fileNameFromDisposition,
  safeFileName,
} from '../../core/content-disposition.ts';

describe('attachmentDisposition', () => {
  it('carries the Chinese name as RFC 5987 UTF-8 and an ASCII name for old clients', () => {
    expect(attachmentDisposition('第三部分学习辅导材料.docx', 'study-pack-part-3.docx')).toBe(
      'attachment; filename="study-pack-part-3.docx"; ' +
        "filename*=UTF-8''%E7%AC%AC%E4%B8%89%E9%83%A8%E5%88%86%E5%AD%A6%E4%B9%A0%E8%BE%85%E5%AF%BC%E6%9D%90%E6%96%99.docx",
    );
  });

  it('percent-encodes what RFC 5987 does not allow bare, which encodeURIComponent would leave', () => {
    const header = attachmentDisposition("it's (1)*.pptx", 'x.pptx');
    expect(header).toContain("filename*=UTF-8''it%27s%20%281%29.pptx");
  });

  it('never lets a name break out of its quotes or carry a path', () => {
    const header = attachmentDisposition('../“就业”/a\\b.docx', 'a"b\\c.docx');
    expect(header).toContain('filename="a_b_c.docx"');
    expect(fileNameFromDisposition(header)).toBe('..“就业”ab.docx');
  });
});

describe('fileNameFromDisposition', () => {
  it('reads back exactly what attachmentDisposition wrote', () => {
    for (const name of ['第三部分学习辅导材料.pptx', '“清洁供暖”专题学习材料.docx', 'plain.docx'])
      expect(fileNameFromDisposition(attachmentDisposition(name, 'fallback.bin'))).toBe(name);
  });

  it('falls back to the plain filename, quoted or not, and to null', () => {
    expect(fileNameFromDisposition('attachment; filename="study pack.md"')).toBe('study pack.md');
    expect(fileNameFromDisposition('attachment; filename=pack.md')).toBe('pack.md');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E7%AC%ZZ; filename=a.md")).toBe(
      'a.md',
    );
    expect(fileNameFromDisposition('inline')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});

describe('safeFileName', () => {
  it('drops reserved and control characters and caps the length by characters, not bytes', () => {
    expect(safeFileName('a:b*c?d"e<f>g|h\u0001.docx')).toBe('abcdefgh.docx');
    expect([...safeFileName('学'.repeat(100), 80)]).toHaveLength(80);
  });
});
