/**
 * A vault's client as every command gets it. What its calls fail with that says something about the
 * vault itself (refused credentials, a vault not assigned to the account, a wrong URL, a missing scope, reveal off)
 * is told to `notice`, and a call that VGS answered without a failure is told to `answered`, so the
 * Vaults tree shows what any command learnt, not only Test Connection.
 */
import {
  InvalidCredentialsError,
  MissingScopeError,
  RevealNotEnabledError,
  VaultNotAssignedError,
  WrongBaseUrlError,
  type VaultClient,
  type VgsError,
} from '../vgs';

export function watched(client: VaultClient, notice: (error: VgsError) => void, answered: () => void): VaultClient {
  const look = (errors: readonly unknown[]) => {
    const found = errors.find(isAboutTheVault);
    if (found) notice(found);
  };
  // A proxy, so that every call is watched, those added to VaultClient later too.
  return new Proxy(client, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result: unknown = member.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (value: unknown) => {
            const failures = failuresIn(value).filter((failure) => failure !== undefined);
            if (failures.length === 0) answered();
            else look(failures);
            return value;
          },
          (error: unknown) => {
            look([error]);
            throw error;
          },
        );
      };
    },
  });
}

function isAboutTheVault(error: unknown): error is VgsError {
  return (
    error instanceof InvalidCredentialsError ||
    error instanceof VaultNotAssignedError ||
    error instanceof WrongBaseUrlError ||
    error instanceof MissingScopeError ||
    error instanceof RevealNotEnabledError
  );
}

// Batch calls resolve with their failures: a list of { error } (create), or a `failed` map (reveal, delete).
function failuresIn(value: unknown): unknown[] {
  if (Array.isArray(value))
    return value.map((each: unknown) => (typeof each === 'object' && each !== null && 'error' in each ? each.error : undefined));
  if (typeof value === 'object' && value !== null && 'failed' in value && value.failed instanceof Map)
    return [...(value.failed as Map<unknown, unknown>).values()];
  return [];
}
