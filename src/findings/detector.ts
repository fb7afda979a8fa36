/**
 * Detection as the settings, the known aliases and the ignores shape it: one place that turns a text
 * into located findings, a slice at a time, for the open documents and the workspace scan alike. The
 * team's ignores (.vgs-aliases-ignore) and vgs-ignore comments apply as `vgs-aliases scan` applies them.
 */
import * as vscode from 'vscode';
import {
  compilePatterns,
  detectionOptions,
  EDITOR_SLICE_CHARS,
  findSensitiveValuesInSlices,
  suppressionOf,
  type CompiledPattern,
  type KnownAlias,
  type PatternProblem,
} from '../detection';
import type { KnownAliases } from '../records/knownAliases';
import { affectsDetection, detectionSettings, type DetectionSettings } from '../settings';
import { matchesGlob } from '../workspace/globs';
import type { IgnoredValues } from './ignores';
import { locate, positionsOf, type Located } from './located';
import type { TeamIgnores } from './teamIgnores';
import type { Turns } from '../workspace/turns';

export class Detector implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when what detection finds may have changed: settings, known aliases, ignores. */
  readonly onDidChange = this.changed.event;
  private current!: DetectionSettings;
  private patterns: CompiledPattern[] = [];
  // Each problem is told once a session, not at every scan.
  private readonly told = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly known: KnownAliases,
    private readonly ignores: IgnoredValues,
    private readonly team: TeamIgnores,
  ) {
    this.reload();
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsDetection(event)) return;
        this.reload();
        this.changed.fire();
      }),
      // Trusting the folder lets its own vgs.detection values count.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.reload();
        this.changed.fire();
      }),
      known.onDidChange(() => this.changed.fire()),
      ignores.onDidChange(() => this.changed.fire()),
      team.onDidChange(() => this.changed.fire()),
    ];
  }

  get settings(): DetectionSettings {
    return this.current;
  }

  /** Whether `uri` is left out by vgs.detection.exclude. */
  excluded(uri: vscode.Uri): boolean {
    return this.current.exclude.some((glob) => matchesGlob(glob, uri));
  }

  /**
   * The findings of `text` (the content of `uri`), yielding to the event loop between slices.
   * Undefined when `cancelled` says so between two slices.
   */
  async locate(uri: vscode.Uri, text: string, turns: Turns, cancelled: () => boolean = () => false): Promise<Located[] | undefined> {
    // The shared file's alias lines are aliases that look like values: it is never scanned.
    if (this.team.isFile(uri)) return [];
    const ignored = await this.ignores.of(uri);
    const team = this.team.of(uri);
    const options = detectionOptions(this.current, this.patterns, this.knownHere(team?.ignores.aliasesIn(team.path)), (problem) =>
      this.tell(problem),
    );
    const positionAt = positionsOf(text);
    const found: Located[] = [];
    for (const slice of findSensitiveValuesInSlices(text, options, EDITOR_SLICE_CHARS)) {
      for (const finding of slice) {
        if (ignored?.(text.slice(finding.start, finding.end))) continue;
        const located = locate(text, finding, positionAt);
        if (!suppressionOf(text, finding, team?.path ?? '', located.masked, team?.ignores)) found.push(located);
      }
      await turns.take();
      if (cancelled()) return undefined;
    }
    return found;
  }

  dispose(): void {
    for (const each of this.subscriptions) each.dispose();
    this.changed.dispose();
  }

  /** The index's aliases, and the ones `vgs-aliases fix` wrote into this file. */
  private knownHere(fromFix: KnownAlias | undefined): KnownAlias {
    const { isKnownAlias } = this.known;
    return fromFix ? (text) => isKnownAlias(text) || fromFix(text) : isKnownAlias;
  }

  private reload(): void {
    this.current = detectionSettings();
    const { patterns, problems } = compilePatterns(this.current.customPatterns);
    this.patterns = patterns;
    problems.forEach((problem) => this.tell(problem));
  }

  private tell(problem: PatternProblem): void {
    const key = `${problem.index}:${problem.name}:${problem.code}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    // The message names the pattern and what is wrong with it, never text it matched.
    void vscode.window.showWarningMessage(
      vscode.l10n.t('vgs.detection.customPatterns: {0}. The other patterns still run.', problem.message),
    );
  }
}
