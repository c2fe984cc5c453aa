/** What the store and the views are given instead of reaching for globals (house rules 2 and 13). */
import type { ApiClient } from '../../shared/api/client';
import type { AppDB } from '../db/db';

export interface AppDeps {
  api: ApiClient;
  db: AppDB;
  now: () => Date;
  newId: () => string;
}
