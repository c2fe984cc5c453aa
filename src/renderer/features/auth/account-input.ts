/** Checks of the account forms (first run, Thêm tài khoản) before anything reaches the data layer. */
import { MAX_PASSWORD_LENGTH } from '../../../shared/api/limits';
import { vi } from '../../i18n/vi';

const USERNAME = /^[a-z0-9._-]{3,32}$/;

export interface AccountInput {
  username: string;
  fullName: string;
  password: string;
  passwordAgain?: string;
}

/** Returns the Vietnamese problem with the input, or null when it may be saved. */
export function accountInputProblem(input: AccountInput): string | null {
  if (!USERNAME.test(input.username.trim().toLowerCase())) return vi.auth.usernameInvalid;
  if (input.fullName.trim().length === 0) return vi.auth.fullNameRequired;
  if (input.password.length < 8 || input.password.length > MAX_PASSWORD_LENGTH) return vi.auth.passwordTooShort;
  if (input.passwordAgain !== undefined && input.passwordAgain !== input.password) return vi.auth.passwordsDiffer;
  return null;
}
