import type { BulkAction } from "@/lib/schemas/token-bulk";

// What each bulk action is called and does, for the toolbar and its review step (loaded on demand).

export const BULK_VERBS: Record<BulkAction, { verb: string; done: string; effect: string }> = {
  disable: { verb: "Disable", done: "Disabled", effect: "Requests with them are refused until they are enabled again." },
  enable: { verb: "Enable", done: "Enabled", effect: "Their secrets work again, unchanged." },
  delete: { verb: "Delete", done: "Deleted", effect: "Deleting cannot be undone; the audit log keeps their history." },
};
