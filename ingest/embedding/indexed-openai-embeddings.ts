import { OpenAIEmbeddings } from '@langchain/openai';
import { EmbeddingProviderError } from './embedding-provider-error.ts';

/**
 * LangChain's OpenAIEmbeddings, with each vector placed by the `index` the API gives it (the stock embedDocuments takes
 * them in the order they arrive) and exactly one vector per text. Batches go one after another, in input order.
 */
export class IndexedOpenAIEmbeddings extends OpenAIEmbeddings {
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const response = await this.embeddingWithRetry({
        model: this.model,
        input: batch,
        ...(this.dimensions ? { dimensions: this.dimensions } : {}),
        ...(this.encodingFormat ? { encoding_format: this.encodingFormat } : {}),
      });
      const ordered = [...response.data].sort((left, right) => left.index - right.index);
      if (ordered.length !== batch.length) {
        throw new EmbeddingProviderError(
          `embeddings endpoint returned ${ordered.length} vectors for ${batch.length} texts`,
          false,
        );
      }
      vectors.push(...ordered.map((item) => item.embedding));
    }
    return vectors;
  }
}
