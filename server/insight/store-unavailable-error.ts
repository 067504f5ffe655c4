import { AppError } from '../errors.ts';

/** The question log's database cannot be reached or written (down, locked, disk full): 503, retry later. */
export class StoreUnavailableError extends AppError {
  constructor(cause: unknown) {
    super(
      'store_unavailable',
      503,
      'the feedback and question-log store is unavailable; please try again later',
      { cause },
    );
  }
}
