/**
 * "Try the sample data": creates the workspace "Sample business" and imports every file of
 * ./sample/manifest.json through the same inspect -> prepare -> commit path as a user's file,
 * with the detected settings.
 */
import type { DataKind } from '../core/schema/kinds.ts';
import { analytics } from './analytics-client.ts';
import { i18n, t } from './i18n/i18n.svelte.ts';
import { workspaces } from './workspaces.svelte.ts';

interface Manifest {
  name?: string;
  files: { file: string; kind: DataKind }[];
}

class SampleLoader {
  running = $state(false);
  step = $state<{ file: string; index: number; total: number } | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    this.error = null;
    this.step = null;
    try {
      const response = await fetch('./sample/manifest.json');
      if (!response.ok) throw new Error(`manifest.json: HTTP ${response.status}`);
      const manifest = (await response.json()) as Manifest;
      const workspace = await analytics.createWorkspace({ name: t('sample.workspaceName'), settings: { locale: i18n.locale } });
      workspaces.select(workspace.id);
      const total = manifest.files.length;
      for (const [i, entry] of manifest.files.entries()) {
        // File names come from our own manifest; keep them to a plain name anyway.
        const name = entry.file.replace(/[^\w.-]/g, '');
        this.step = { file: name, index: i + 1, total };
        const res = await fetch(`./sample/${encodeURIComponent(name)}`);
        if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
        const blob = await res.blob();
        const inspection = await analytics.inspect({ file: blob, fileName: name, workspaceId: workspace.id, overrides: { kind: entry.kind } });
        if (inspection.fatal) throw new Error(`${name}: ${inspection.fatal.message}`);
        const prepared = await analytics.prepareImport({
          workspaceId: workspace.id,
          file: blob,
          fileName: name,
          dialect: inspection.dialect,
          kind: inspection.kind,
          mapping: [...inspection.mapping],
          inspected: { sha256: inspection.sha256, headers: [...inspection.headers] },
        });
        if (prepared.fatal) throw new Error(`${name}: ${prepared.fatal.message}`);
        await analytics.commitImport({ token: prepared.token, skipInvalid: true });
      }
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    } finally {
      this.running = false;
      this.step = null;
    }
  }
}

export const sample = new SampleLoader();
