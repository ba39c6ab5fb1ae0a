import type { ThemeRun, ThemeSettings } from '@razgovor/contracts';
import type { ThemeRunRecord, ThemeSettingsRecord } from './theme-runs.repository';

export function toThemeRun(run: ThemeRunRecord): ThemeRun {
  return {
    id: run.id,
    conversationId: run.conversationId,
    number: run.number,
    trigger: run.trigger,
    status: run.status,
    stage: run.stage,
    progress: run.progress,
    parameters: {
      seed: run.parameters.seed,
      k: run.parameters.k,
      minK: run.parameters.minK,
      maxK: run.parameters.maxK,
      pinnedThemeIds: run.parameters.pinned.map((pinned) => pinned.themeId),
      movedComments: run.parameters.moved.length,
    },
    codeVersion: run.codeVersion,
    inputCount: run.inputCount,
    themeCount: run.themeCount,
    otherCount: run.otherCount,
    attempts: run.attempts,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    completedAt: run.completedAt?.toISOString() ?? null,
  };
}

export const defaultThemeSettings: ThemeSettings = {
  rerunAfterComments: 50,
  rerunAfterMinutes: 30,
  minK: null,
  maxK: null,
  seed: 1,
  isPublished: false,
};

export function toThemeSettings(settings: ThemeSettingsRecord | null): ThemeSettings {
  if (!settings) return defaultThemeSettings;

  return {
    rerunAfterComments: settings.rerunAfterComments,
    rerunAfterMinutes: settings.rerunAfterMinutes,
    minK: settings.minK,
    maxK: settings.maxK,
    seed: settings.seed,
    isPublished: settings.isPublished,
  };
}
