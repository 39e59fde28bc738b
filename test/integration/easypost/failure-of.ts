import { EasyPostError } from '../../../src/easypost';

/** The EasyPostError a call rejects with; anything else (or success) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<EasyPostError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof EasyPostError)) throw new Error(`expected an EasyPostError, got ${String(error)}`);
  return error;
}
