/**
 * Accounts (Art. 3.7: a user name and a password). Passwords are hashed and checked in main through the contract
 * (`auth.hashPassword`, `auth.verifyPassword`, scrypt there); this module stores only the hash, and never writes
 * a password into the database or the journal. Hashing happens before the write transaction opens: awaiting the
 * API inside it would let IndexedDB commit early.
 */
import type { ApiClient } from '../../shared/api/client';
import { MAX_PASSWORD_LENGTH } from '../../shared/api/limits';
import { AppFailure } from '../../shared/api/result';
import { can, ROLES, type Role } from '../../shared/domain/roles';
import type { AppDB } from './db';
import { appendJournal } from './journal';
import type { AccountRecord } from './records';

const USERNAME = /^[a-z0-9._-]{3,32}$/;
const MIN_PASSWORD_LENGTH = 8;
const MAX_FULL_NAME_LENGTH = 100;

/** What a new account needs. */
export interface NewAccount {
  username: string;
  fullName: string;
  password: string;
  at: number;
  /** Id generator; crypto.randomUUID when omitted. */
  newId?: () => string;
}

/** The stored form of a user name: trimmed, lower-case. */
export function normaliseUsername(username: string): string {
  return typeof username === 'string' ? username.trim().toLowerCase() : '';
}

function checkNewAccount(input: NewAccount, role: Role): { username: string; fullName: string } {
  const username = normaliseUsername(input.username);
  if (!USERNAME.test(username)) throw new AppFailure('VALIDATION', 'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
  const fullName = typeof input.fullName === 'string' ? input.fullName.normalize('NFC').trim() : '';
  if (fullName === '' || fullName.length > MAX_FULL_NAME_LENGTH) throw new AppFailure('VALIDATION', `Họ và tên cần 1–${MAX_FULL_NAME_LENGTH} ký tự.`);
  if (typeof input.password !== 'string' || input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    throw new AppFailure('VALIDATION', `Mật khẩu cần ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} ký tự.`);
  }
  if (!(ROLES as readonly string[]).includes(role)) throw new AppFailure('VALIDATION', 'Vai trò không hợp lệ.');
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm không hợp lệ.');
  return { username, fullName };
}

async function hashPassword(api: ApiClient, password: string): Promise<string> {
  const result = await api.invoke('auth.hashPassword', { password });
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message);
  return result.value.hash;
}

/** Hashes the password in main, then adds the account and its journal line in one transaction. */
async function addAccount(
  db: AppDB,
  api: ApiClient,
  input: NewAccount,
  role: Role,
  actor: string,
  precondition: () => Promise<void>,
): Promise<AccountRecord> {
  const { username, fullName } = checkNewAccount(input, role);
  await precondition(); // fail fast before the (slow) hash; checked again inside the transaction
  const passwordHash = await hashPassword(api, input.password);
  const id = (input.newId ?? (() => crypto.randomUUID()))();
  return db.transaction('rw', [db.accounts, db.journal], async () => {
    await precondition();
    if ((await db.accounts.where('username').equals(username).count()) > 0) {
      throw new AppFailure('CONFLICT', `Tên đăng nhập "${username}" đã có.`);
    }
    const account: AccountRecord = { id, username, fullName, role, passwordHash, createdAt: input.at, disabled: false };
    await db.accounts.add(account);
    await appendJournal(db, {
      at: input.at,
      actor,
      action: 'account.created',
      subject: username,
      payload: { accountId: id, username, fullName, role },
    });
    return account;
  });
}

/** Whether any account exists (otherwise the app shows the first-run form). */
export async function hasAnyAccount(db: AppDB): Promise<boolean> {
  return (await db.accounts.count()) > 0;
}

/**
 * Creates the first account, an administrator (quan-tri), only while no account exists. Throws AppFailure
 * VALIDATION (bad input), CONFLICT (an account already exists), or the code of a failed auth.hashPassword.
 */
export async function createFirstAdmin(db: AppDB, api: ApiClient, input: NewAccount): Promise<AccountRecord> {
  const noAccountYet = async (): Promise<void> => {
    if (await hasAnyAccount(db)) throw new AppFailure('CONFLICT', 'Đã có tài khoản: chỉ tạo được quản trị đầu tiên một lần.');
  };
  return addAccount(db, api, input, 'quan-tri', normaliseUsername(input.username), noAccountYet);
}

/**
 * Creates an account on behalf of `actor`, whose role must allow 'account.manage'. Throws AppFailure FORBIDDEN,
 * VALIDATION, CONFLICT (user name taken), or the code of a failed auth.hashPassword.
 */
export async function createAccount(
  db: AppDB,
  api: ApiClient,
  input: NewAccount & { role: Role; actor: string; actorRole: Role },
): Promise<AccountRecord> {
  if (!can(input.actorRole, 'account.manage')) throw new AppFailure('FORBIDDEN', 'Tài khoản này không có quyền quản lý tài khoản.');
  return addAccount(db, api, input, input.role, input.actor, async () => {});
}

/**
 * The account when the password matches, else null (unknown user, disabled account or wrong password). Journals
 * 'session.login' or 'session.loginFailed' (never the password). Throws AppFailure with the code of a failed
 * auth.verifyPassword (e.g. VALIDATION for a malformed stored hash).
 */
export async function authenticate(db: AppDB, api: ApiClient, username: string, password: string, at: number): Promise<AccountRecord | null> {
  const name = normaliseUsername(username).slice(0, 64);
  const account = name === '' ? undefined : await db.accounts.where('username').equals(name).first();
  let match = false;
  if (account && !account.disabled && typeof password === 'string' && password.length > 0 && password.length <= MAX_PASSWORD_LENGTH) {
    const result = await api.invoke('auth.verifyPassword', { password, hash: account.passwordHash });
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message);
    match = result.value.match;
  }
  await db.transaction('rw', [db.journal], () =>
    appendJournal(db, {
      at,
      actor: name,
      action: match ? 'session.login' : 'session.loginFailed',
      subject: name,
      payload: match ? { accountId: account?.id } : { reason: account ? (account.disabled ? 'disabled' : 'wrong-password') : 'unknown-user' },
    }),
  );
  return match && account ? account : null;
}

/** Every account, ordered by user name. */
export async function listAccounts(db: AppDB): Promise<AccountRecord[]> {
  return db.accounts.orderBy('username').toArray();
}

/**
 * Disables or re-enables an account (a disabled account cannot sign in). Needs 'account.manage'; the last
 * enabled administrator cannot be disabled. Throws AppFailure FORBIDDEN, NOT_FOUND, CONFLICT, VALIDATION.
 */
export async function setAccountDisabled(
  db: AppDB,
  input: { accountId: string; disabled: boolean; actor: string; actorRole: Role; at: number },
): Promise<AccountRecord> {
  if (!can(input.actorRole, 'account.manage')) throw new AppFailure('FORBIDDEN', 'Tài khoản này không có quyền quản lý tài khoản.');
  if (!Number.isSafeInteger(input.at) || typeof input.disabled !== 'boolean') throw new AppFailure('VALIDATION', 'Yêu cầu không hợp lệ.');
  return db.transaction('rw', [db.accounts, db.journal], async () => {
    const account = await db.accounts.get(input.accountId);
    if (!account) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài khoản.');
    if (account.disabled === input.disabled) return account;
    if (input.disabled && account.role === 'quan-tri') {
      const admins = await db.accounts.filter((a) => a.role === 'quan-tri' && !a.disabled).count();
      if (admins <= 1) throw new AppFailure('CONFLICT', 'Không thể khóa quản trị viên cuối cùng.');
    }
    const updated: AccountRecord = { ...account, disabled: input.disabled };
    await db.accounts.put(updated);
    await appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: input.disabled ? 'account.disabled' : 'account.enabled',
      subject: account.username,
      payload: { accountId: account.id },
    });
    return updated;
  });
}
