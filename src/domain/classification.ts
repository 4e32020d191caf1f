/** What classify says about a change: size class and a risk score made of named signals. */
export type SizeClass = 'XS' | 'S' | 'M' | 'L' | 'XL';
export const SIZE_CLASSES: readonly SizeClass[] = ['XS', 'S', 'M', 'L', 'XL'];

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

export interface RiskSignal {
  /** Stable kebab-case id, e.g. `sensitive-path`. */
  readonly id: string;
  readonly weight: number;
  /** One line a reviewer understands: "touches src/auth/". */
  readonly message: string;
  readonly paths: readonly string[];
}

export interface FileRisk {
  readonly path: string;
  readonly score: number;
}

export interface Classification {
  readonly changedFiles: number;
  readonly additions: number;
  readonly deletions: number;
  readonly changedLines: number;
  readonly size: SizeClass;
  readonly risk: {
    readonly score: number;
    readonly level: RiskLevel;
    readonly signals: readonly RiskSignal[];
  };
  /** Every file with its own risk, most risky first: the order files enter the prompt. */
  readonly fileRisk: readonly FileRisk[];
}

/** A signal's weight as the summary and the CLI print it: "+0.22", or "-0.28" for one that takes back. */
export const formatSignalWeight = (weight: number): string =>
  `${weight < 0 ? '-' : '+'}${Math.abs(weight).toFixed(2)}`;
