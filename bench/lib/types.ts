/** Options every benchmark part receives from the runner. */
export interface BenchOptions {
  /** Smaller sizes and shorter windows (smoke run). */
  quick: boolean;
  /** Repetitions per figure; the report keeps their median. */
  runs: number;
  /** Admin connection to the PostgreSQL server the bench creates its databases on. */
  serverUrl: string;
  /** A scratch folder for this bench run (removed afterwards). */
  tmpDir: string;
  /** Progress lines on stderr. */
  log: (message: string) => void;
}

/** A table for RESULTS.md. */
export interface ResultTable {
  title: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/** One target of the issue, checked against a measured value. */
export interface TargetCheck {
  key: string;
  label: string;
  value: number | null;
  target: string;
  met: boolean | null;
  /** What limits the figure when the target is missed (or what the margin depends on). */
  limit?: string;
}

/** What one benchmark part returns. */
export interface PartResult {
  name: string;
  title: string;
  /** Flat numbers for results.json (medians of runs); null when not measurable here. */
  metrics: Record<string, number | null>;
  /** Every run's raw figures, for anyone re-checking the medians. */
  runs: Array<Record<string, number>>;
  tables: ResultTable[];
  targets: TargetCheck[];
  notes: string[];
}
