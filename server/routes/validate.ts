import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

/** Parses input with a schema, turning the first problems into one readable 400 message. */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  throw new ValidationError(problems.join('; '));
}
