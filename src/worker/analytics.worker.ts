/// <reference lib="webworker" />
/**
 * The analytics worker: a thin Comlink shell. Each feature is a module of handlers over a shared
 * context (worker-context.ts): import-api.ts, workspace-api.ts, retention-api.ts; they are
 * combined here (app.ts refuses a name defined twice), and their combined type is the contract
 * the page codes against (lib/analytics-client.ts). New features (churn audit, segments, CLV: clv-api.ts)
 * add a `<feature>-api.ts` and one entry below.
 */
import { expose } from 'comlink';
import { combineApis } from './app.ts';
import { installErrorTransfer } from './error-transfer.ts';
import { churnApi, type ChurnApi } from './churn-api.ts';
import { clvApi, type ClvApi } from './clv-api.ts';
import { importApi, type ImportApi } from './import-api.ts';
import { retentionApi, type RetentionApi } from './retention-api.ts';
import { satisfactionApi, type SatisfactionApi } from './satisfaction-api.ts';
import { sealNetwork } from './seal-network.ts';
import { createWorkerContext } from './worker-context.ts';
import { workspaceApi, type WorkspaceApi } from './workspace-api.ts';

sealNetwork(self);
installErrorTransfer();

const ctx = createWorkerContext();
const api = combineApis(importApi(ctx), workspaceApi(ctx), retentionApi(ctx), churnApi(ctx), clvApi(ctx), satisfactionApi(ctx));

export type AnalyticsApi = ImportApi & WorkspaceApi & RetentionApi & ChurnApi & ClvApi & SatisfactionApi;
expose(api satisfies AnalyticsApi);
