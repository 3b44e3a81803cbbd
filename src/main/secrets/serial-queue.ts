/**
 * Runs async jobs one at a time, in call order. The keychain has no transactions, so the
 * store serialises its own multi-step operations (stage → activate → delete) to keep a save
 * and a rotation from interleaving.
 */
export function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
