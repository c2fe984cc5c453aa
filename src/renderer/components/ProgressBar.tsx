/** A labelled progress bar for a job (done of total). */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const max = Math.max(1, total);
  return (
    <div className="progress">
      <progress aria-label={label} value={Math.min(done, max)} max={max} />
      <span>{label}</span>
    </div>
  );
}
