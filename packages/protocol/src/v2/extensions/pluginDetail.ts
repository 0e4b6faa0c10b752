/**
 * The full description of one plugin returned by `plugin/read`: its skills,
 * apps, MCP servers, hooks and scheduled tasks.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';
import type { HookEventName } from '../events/index.js';
import type { AppSummary, AppTemplateSummary } from './apps.js';
import type { PluginSummary } from './plugins.js';
import type { SkillSummary } from './skills.js';

/** A hook a plugin installs. */
export interface PluginHookSummary {
  /** The lifecycle event the hook runs on. */
  eventName: HookEventName;
  /** The hook's key within the plugin. */
  key: string;
}

/** A day of the week, as a two-letter iCalendar code. */
export type ScheduledTaskWeekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** Every few hours, optionally only on some days. */
interface HourlyScheduledTaskSchedule {
  /** Days the task runs on; every day when absent. */
  days: ScheduledTaskWeekday[] | null;
  /**
   * Hours between two runs.
   * @format uint32
   */
  intervalHours: number;
  type: 'hourly';
}

/** Once a day at a fixed time. */
interface DailyScheduledTaskSchedule {
  /** Time of day the task runs. */
  time: string;
  type: 'daily';
}

/** Monday to Friday at a fixed time. */
interface WeekdaysScheduledTaskSchedule {
  /** Time of day the task runs. */
  time: string;
  type: 'weekdays';
}

/** On chosen days of the week at a fixed time. */
interface WeeklyScheduledTaskSchedule {
  /** Days the task runs on. */
  days: ScheduledTaskWeekday[];
  /** Time of day the task runs. */
  time: string;
  type: 'weekly';
}

/** When a plugin's scheduled task runs, tagged by `type`. */
export type ScheduledTaskSchedule =
  | HourlyScheduledTaskSchedule
  | DailyScheduledTaskSchedule
  | WeekdaysScheduledTaskSchedule
  | WeeklyScheduledTaskSchedule;

/** A task a plugin runs on a schedule. */
export interface ScheduledTaskSummary {
  /** The task's key within the plugin. */
  key: string;
  /** The task's display name. */
  name: string;
  /** The prompt the task runs with. */
  prompt: string;
  schedule: ScheduledTaskSchedule;
}

/** Everything `plugin/read` reports about one plugin. */
export interface PluginDetail {
  /** App templates the plugin offers. */
  appTemplates: AppTemplateSummary[];
  /** Apps the plugin brings. */
  apps: AppSummary[];
  /** A longer description of the plugin, if it has one. */
  description: string | null;
  /** Hooks the plugin installs. */
  hooks: PluginHookSummary[];
  /** The marketplace the plugin comes from. */
  marketplaceName: string;
  /** The local marketplace file, for a local marketplace. */
  marketplacePath: AbsolutePathBuf | null;
  /** Names of the MCP servers the plugin provides. */
  mcpServers: string[];
  /**
   * The skill that introduces the plugin, when both the plugin and that skill are enabled.
   * @default null
   */
  onboardingSkill: SkillSummary | null;
  /** Tasks the plugin runs on a schedule, when it declares any. */
  scheduledTasks: ScheduledTaskSummary[] | null;
  /** A link for sharing the plugin, when it has one. */
  shareUrl: string | null;
  /** Skills the plugin provides. */
  skills: SkillSummary[];
  summary: PluginSummary;
}

/** Result of `plugin/read`. */
export interface PluginReadResponse {
  plugin: PluginDetail;
}
