import { Spinner } from "../ui/spinner";

/** Holds a dialog's place for the moment its form's code is loading. */
export function FormLoading() {
  return (
    <div role="status" className="flex h-64 items-center justify-center gap-2 text-sm text-muted">
      <Spinner />
      Loading…
    </div>
  );
}
