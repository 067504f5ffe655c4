/**
 * The media types of the office files the server writes. Apart from the writers, so that routes can name them
 * without loading docx or pptxgenjs, which are imported with the first download.
 */
export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const PPTX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.presentationml.presentation';
