/** The amber triangle that marks a risky setting (no expiration); decorative, the text says it. */
export function WarningMark({ className }: { className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={`size-4 shrink-0 ${className ?? ""}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M8 2.2L14.5 13.5h-13z" strokeLinejoin="round" />
      <path d="M8 6.5v3.2M8 11.6v.1" strokeLinecap="round" />
    </svg>
  );
}
